package de.kihub.portal.api.audit;

import de.kihub.portal.security.AccessDeniedException;
import de.kihub.portal.security.Caller;
import de.kihub.portal.security.Role;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.audit.AuditEvent;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AuditResource {
    static final int MAX_LIMIT = 500;

    @Inject TenantContext context;

    @Inject AuditLog audit;

    @GET
    @Operation(
            summary =
                    "Newest audit events: a tenant admin sees its own tenant's, a curator any"
                            + " tenant's (or all without ?tenant=)")
    public List<AuditEntry> latest(
            @QueryParam("tenant") String tenant,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Caller caller = context.caller().requireAnyRole(Role.CURATOR, Role.TENANT_ADMIN);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        TenantId requested = tenant == null || tenant.isBlank() ? null : TenantId.of(tenant);
        if (caller.hasRole(Role.CURATOR)) {
            return entries(audit.latest(requested, limit));
        }
        TenantId own =
                caller.optTenant()
                        .orElseThrow(() -> new AccessDeniedException("You act for no tenant."));
        if (requested != null && !requested.equals(own)) {
            throw new AccessDeniedException("You may read only your own tenant's audit trail.");
        }
        return entries(audit.latest(own, limit));
    }

    private static List<AuditEntry> entries(List<AuditEvent> events) {
        return events.stream().map(AuditEntry::of).toList();
    }
}
