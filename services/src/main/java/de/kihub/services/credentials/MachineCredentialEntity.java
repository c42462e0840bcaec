package de.kihub.services.credentials;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code machine_credential}: the public key id, the salt and the secret's hash. */
@Entity
@Table(name = "machine_credential")
public class MachineCredentialEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "deployment_id", nullable = false)
    UUID deploymentId;

    @Column(name = "tenant_id", nullable = false, length = 63)
    String tenantId;

    @Column(name = "name", nullable = false, length = 100)
    String name;

    @Column(name = "key_id", nullable = false, length = 40, unique = true)
    String keyId;

    @Column(name = "salt", nullable = false, length = 64)
    String salt;

    @Column(name = "secret_hash", nullable = false, length = 128)
    String secretHash;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "rotated_at")
    Instant rotatedAt;

    @Column(name = "revoked_by")
    String revokedBy;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;
}
