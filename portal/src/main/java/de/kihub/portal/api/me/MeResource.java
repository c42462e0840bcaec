package de.kihub.portal.api.me;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject TenantContext context;

    @GET
    @Operation(summary = "The caller's user name, tenant and roles")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No, expired or forged token")
    @APIResponse(responseCode = "503", description = "The identity provider is unreachable")
    public Me me() {
        Caller caller = context.caller().requireAuthenticated();
        return new Me(
                caller.user(),
                caller.optTenant().map(TenantId::value).orElse(null),
                caller.tenants().stream().map(TenantId::value).toList(),
                caller.roles().stream().sorted().toList());
    }
}
