package de.kihub.services.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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

    boolean recordComplete() {
        return purpose != null && legalBasis != null && contact != null;
    }

    boolean signedOff() {
        return signedOffAt != null;
    }
}
