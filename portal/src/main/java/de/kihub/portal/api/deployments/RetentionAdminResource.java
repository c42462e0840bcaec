package de.kihub.portal.api.deployments;

import de.kihub.portal.security.Role;
import de.kihub.portal.security.TenantContext;
import de.kihub.services.deployment.CountingRetention;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Runs the nightly deletion of expired counting aggregates now (platform operators). */
@Path("/admin/counting")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class RetentionAdminResource {
    @Inject TenantContext context;

    @Inject CountingRetention retention;

    @POST
    @Path("/retention")
    @Operation(
            summary =
                    "Delete counting aggregates older than their deployment's retention period"
                            + " (curator); also runs every night")
    public Map<String, Integer> run() {
        context.caller().requireAnyRole(Role.CURATOR);
        return Map.of("deleted", retention.run(Instant.now()));
    }
}
