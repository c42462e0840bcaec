package de.kihub.services.counting.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code counting_session}: which camera set-up of which tenant; no images. */
@Entity
@Table(name = "counting_session")
public class CountingSessionEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    String tenantId;

    @Column(name = "deployment_id")
    UUID deploymentId;

    @Column(name = "model", nullable = false, length = 200)
    String model;

    @Column(name = "model_version", nullable = false, length = 100)
    String version;

    @Column(name = "configuration", nullable = false, length = 8000)
    String configuration;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
