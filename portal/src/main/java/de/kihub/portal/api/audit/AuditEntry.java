package de.kihub.portal.api.audit;

import de.kihub.registry.audit.AuditEvent;
import java.time.Instant;
import java.util.UUID;

/** One audit event as the API shows it. */
public record AuditEntry(
        UUID id,
        Instant occurredAt,
        String actor,
        String tenant,
        String action,
        String objectType,
        String objectId,
        String details) {

    static AuditEntry of(AuditEvent e) {
        return new AuditEntry(
                e.id(),
                e.occurredAt(),
                e.actor(),
                e.tenant() == null ? null : e.tenant().value(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.details());
    }
}
