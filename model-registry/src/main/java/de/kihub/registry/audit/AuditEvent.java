package de.kihub.registry.audit;

import de.kihub.registry.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;

/** One audited state change. {@code tenant} is empty for platform-wide actions. */
public record AuditEvent(
        UUID id,
        Instant occurredAt,
        String actor,
        TenantId tenant,
        String action,
        String objectType,
        String objectId,
        String details) {}
