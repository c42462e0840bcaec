package de.kihub.portal.api.deployments;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentCreate;
import de.kihub.services.deployment.DeploymentRecord;
import de.kihub.services.deployment.Deployments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/tenants/{tenant}/deployments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DeploymentsResource {
    @Inject TenantContext context;

    @Inject Deployments deployments;

    @PathParam("tenant")
    String tenant;

    /** Body of sign-off, upgrade and similar small requests. */
    public record Comment(String comment) {}

    public record VersionChoice(String version) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Deploy a published model version for the tenant (deployer or tenant-admin);"
                            + " starts as PENDING_DOCUMENTATION")
    public Response create(DeploymentCreate create) {
        Deployment d = deployments.create(actor(), tenantId(), create);
        return Response.created(
                        UriBuilder.fromPath("tenants/{tenant}/deployments/{id}")
                                .build(tenant, d.id()))
                .entity(d)
                .build();
    }

    @GET
    @Operation(summary = "The tenant's deployments, newest first")
    public List<Deployment> list() {
        return deployments.list(actor(), tenantId());
    }

    @GET
    @Path("/{id}")
    public Deployment get(@PathParam("id") String id) {
        return deployments.get(actor(), tenantId(), uuid(id));
    }

    @PUT
    @Path("/{id}/configuration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the configuration (checked against the model's task)")
    public Deployment configure(@PathParam("id") String id, JsonObject configuration) {
        return deployments.configure(actor(), tenantId(), uuid(id), configuration);
    }

    @PUT
    @Path("/{id}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Replace the deployment record (purpose, legal basis, contact); a change"
                            + " withdraws the sign-off")
    public Deployment putRecord(@PathParam("id") String id, DeploymentRecord record) {
        return deployments.putRecord(actor(), tenantId(), uuid(id), required(record));
    }

    @POST
    @Path("/{id}/record/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign off the complete record (the tenant's dpo, with a comment)")
    public Deployment signOff(@PathParam("id") String id, Comment comment) {
        return deployments.signOff(actor(), tenantId(), uuid(id), required(comment).comment());
    }

    @POST
    @Path("/{id}/activate")
    @Operation(
            summary = "Load and check the model, then start answering (needs a signed-off record)")
    public Deployment activate(@PathParam("id") String id) {
        return deployments.activate(actor(), tenantId(), uuid(id));
    }

    @POST
    @Path("/{id}/pause")
    public Deployment pause(@PathParam("id") String id) {
        return deployments.pause(actor(), tenantId(), uuid(id));
    }

    @POST
    @Path("/{id}/retire")
    @Operation(summary = "Stop for good; machine credentials are revoked, counts stay readable")
    public Deployment retire(@PathParam("id") String id) {
        return deployments.retire(actor(), tenantId(), uuid(id));
    }

    @POST
    @Path("/{id}/upgrade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Switch to another published version of the same model, keeping the"
                            + " configuration; running deployments switch without a failed request")
    public Deployment upgrade(@PathParam("id") String id, VersionChoice choice) {
        return deployments.upgrade(actor(), tenantId(), uuid(id), required(choice).version());
    }

    @POST
    @Path("/{id}/rollback")
    @Operation(summary = "Return to the version the deployment ran before its last change")
    public Deployment rollback(@PathParam("id") String id) {
        return deployments.rollback(actor(), tenantId(), uuid(id));
    }

    private Actor actor() {
        return context.caller().actorFor(tenantId());
    }

    private TenantId tenantId() {
        return TenantId.of(tenant);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + id + "' is not an id.");
        }
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required.");
        }
        return body;
    }
}
