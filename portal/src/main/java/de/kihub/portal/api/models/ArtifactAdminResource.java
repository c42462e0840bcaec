package de.kihub.portal.api.models;

import de.kihub.portal.security.Role;
import de.kihub.portal.security.TenantContext;
import de.kihub.services.publishing.ArtifactCleanup;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/admin/artifacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ArtifactAdminResource {

    @Inject TenantContext context;

    @Inject ArtifactCleanup cleanup;

    @POST
    @Path("/cleanup")
    @Operation(summary = "Remove stored content no version references (curator); also runs hourly")
    public Map<String, Integer> cleanup() {
        context.caller().requireAnyRole(Role.CURATOR);
        return Map.of("removed", cleanup.run());
    }
}
