package de.kihub.services.deployment;

import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.AiActRiskClass;
import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.RecordField;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code deployment}; never serialised (see {@link Deployment}). */
@Entity
@Table(name = "deployment")
public class DeploymentEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    String tenantId;

    @Column(name = "name", nullable = false, length = 63)
    String name;

    @Column(name = "model_id", nullable = false)
    UUID modelId;

    @Column(name = "version_id", nullable = false)
    UUID versionId;

    @Column(name = "previous_version_id")
    UUID previousVersionId;

    @Column(name = "task", nullable = false, length = 60)
    String task;

    @Column(name = "configuration", nullable = false, length = 16000)
    String configuration;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    DeploymentStatus status;

    @Column(name = "record_purpose", length = 4000)
    String purpose;

    @Column(name = "record_legal_basis", length = 2000)
    String legalBasis;

    @Column(name = "record_contact", length = 500)
    String contact;

    @Column(name = "record_changed_at")
    Instant recordChangedAt;

    /**
     * The whole record as JSON (V12); null for records written before, which have only the three
     * columns.
     */
    @Column(name = "record_details", length = 200000)
    String recordDetails;

    /**
     * The current revision in deployment_record_revision; 0 while nothing was written since V12.
     */
    @Column(name = "record_revision", nullable = false)
    int recordRevision;

    /** Answers and assessment of the EU AI Act questionnaire as JSON; null while not answered. */
    @Column(name = "questionnaire", length = 20000)
    String questionnaire;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_class", length = 20)
    AiActRiskClass riskClass;

    @Column(name = "signed_off_by")
    String signedOffBy;

    @Column(name = "signed_off_at")
    Instant signedOffAt;

    @Column(name = "sign_off_comment", length = 2000)
    String signOffComment;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "activated_at")
    Instant activatedAt;

    @Column(name = "retired_at")
    Instant retiredAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    int lockVersion;

    DeploymentRecord record() {
        if (recordDetails != null) {
            return DeploymentRecord.fromStored(parse(recordDetails));
        }
        return DeploymentRecord.EMPTY
                .with(RecordField.PURPOSE, purpose)
                .with(RecordField.LEGAL_BASIS, legalBasis)
                .with(RecordField.CONTACT, contact);
    }

    /** Stores the record; the three minimal fields also in their own columns. */
    void record(DeploymentRecord r) {
        recordDetails = r.toJson().toString();
        purpose = r.text(RecordField.PURPOSE);
        legalBasis = r.text(RecordField.LEGAL_BASIS);
        contact = r.text(RecordField.CONTACT);
    }

    AiActQuestionnaire questionnaire() {
        return questionnaire == null ? null : AiActQuestionnaire.fromStored(parse(questionnaire));
    }

    void questionnaire(AiActQuestionnaire q) {
        questionnaire = q.toJson().toString();
        riskClass = q.assessment().riskClass();
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    boolean signedOff() {
        return signedOffAt != null;
    }
}
