package de.kihub.registry.audit;

import de.kihub.registry.tenant.TenantId;
import java.util.List;

/** Records and reads audit events. Recording joins the caller's transaction. */
public interface AuditLog {

    AuditEvent record(
            String actor,
            TenantId tenant,
            String action,
            String objectType,
            String objectId,
            String details);

    /**
     * The newest events first, at most {@code limit}; only the given tenant's when {@code tenant}
     * is not null.
     */
    List<AuditEvent> latest(TenantId tenant, int limit);
}
