package de.kihub.portal.api.deployments;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.credentials.CredentialInfo;
import de.kihub.services.credentials.IssuedCredential;
import de.kihub.services.credentials.MachineCredentials;
import de.kihub.services.deployment.Deployments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Machine credentials of a deployment, managed by the tenant's deployers and admins. The key is in
 * the answer to create and rotate only; the hub keeps a salted hash.
 */
@Path("/tenants/{tenant}/deployments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CredentialsResource {
    static final String CREDENTIALS = "/{id}/credentials";

    @Inject TenantContext context;

    @Inject Deployments deployments;

    @Inject MachineCredentials credentials;

    @PathParam("tenant")
    String tenant;

    @PathParam("id")
    String id;

    public record CredentialCreate(String name) {}

    @POST
    @Path(CREDENTIALS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key for a device or system; the key is shown only now")
    public Response create(CredentialCreate create) {
        Actor actor = operator();
        IssuedCredential issued =
                credentials.create(
                        deployment(),
                        TenantId.of(tenant),
                        DeploymentsResource.required(create).name(),
                        actor.user());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @Path(CREDENTIALS)
    @Operation(summary = "The deployment's credentials, without secrets, revoked ones included")
    public List<CredentialInfo> list() {
        operator();
        return credentials.list(deployment());
    }

    @POST
    @Path(CREDENTIALS + "/{credential}/rotate")
    @Operation(summary = "A new key for the credential; the old one stops working at once")
    public IssuedCredential rotate(@PathParam("credential") String credential) {
        Actor actor = operator();
        return credentials.rotate(deployment(), DeploymentsResource.uuid(credential), actor.user());
    }

    @DELETE
    @Path(CREDENTIALS + "/{credential}")
    @Operation(summary = "Revoke the credential (within seconds on every request)")
    public CredentialInfo revoke(@PathParam("credential") String credential) {
        Actor actor = operator();
        return credentials.revoke(deployment(), DeploymentsResource.uuid(credential), actor.user());
    }

    /** A deployer or admin of the tenant whose deployment this is (else 404 / 403). */
    private Actor operator() {
        TenantId t = TenantId.of(tenant);
        Actor actor = context.caller().actorFor(t);
        deployments.requireOperable(actor, t, deployment());
        return actor;
    }

    private UUID deployment() {
        return DeploymentsResource.uuid(id);
    }
}
