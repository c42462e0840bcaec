package de.kihub.registry.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code audit_event}; inserted, never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "actor", nullable = false)
    String actor;

    @Column(name = "tenant_id", length = 63)
    String tenantId;

    @Column(name = "action", nullable = false, length = 100)
    String action;

    @Column(name = "object_type", nullable = false, length = 60)
    String objectType;

    @Column(name = "object_id", nullable = false)
    String objectId;

    @Column(name = "details", length = 4000)
    String details;

    protected AuditEventEntity() {}

    AuditEventEntity(
            UUID id,
            Instant occurredAt,
            String actor,
            String tenantId,
            String action,
            String objectType,
            String objectId,
            String details) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.tenantId = tenantId;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.details = details;
    }
}
