package de.kihub.services.deployment;

import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.AiActRiskClass;
import de.kihub.services.deployment.record.DeploymentRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of table {@code deployment_record_revision}: the whole record and questionnaire after one
 * change, with its author and time, and the sign-off if a data-protection officer gave it for this
 * revision. Never changed afterwards except for that sign-off.
 */
@Entity
@Table(name = "deployment_record_revision")
public class RecordRevisionEntity {
    /** What the change was. */
    enum Change {
        RECORD,
        QUESTIONNAIRE
    }

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "deployment_id", nullable = false)
    UUID deploymentId;

    @Column(name = "tenant_id", nullable = false, length = 63)
    String tenantId;

    @Column(name = "revision", nullable = false)
    int revision;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, length = 20)
    Change change;

    @Column(name = "record_json", nullable = false, length = 200000)
    String record;

    @Column(name = "questionnaire", length = 20000)
    String questionnaire;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_class", length = 20)
    AiActRiskClass riskClass;

    @Column(name = "author", nullable = false)
    String author;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "signed_off_by")
    String signedOffBy;

    @Column(name = "signed_off_at")
    Instant signedOffAt;

    @Column(name = "sign_off_comment", length = 2000)
    String signOffComment;

    DeploymentRecord record() {
        return DeploymentRecord.fromStored(DeploymentEntity.parse(record));
    }

    AiActQuestionnaire questionnaire() {
        return questionnaire == null
                ? null
                : AiActQuestionnaire.fromStored(DeploymentEntity.parse(questionnaire));
    }

    Deployment.SignOff signOff() {
        return signedOffAt == null
                ? null
                : new Deployment.SignOff(signedOffBy, signedOffAt, signOffComment);
    }
}
