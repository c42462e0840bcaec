package de.kihub.portal.api.communities;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.community.Communities;
import de.kihub.registry.community.Community;
import de.kihub.registry.community.CommunityCreate;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
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
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/communities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CommunitiesResource {

    @Inject TenantContext context;

    @Inject Communities communities;

    @POST
    @Operation(summary = "Create a community (curator)")
    public Response create(CommunityCreate create) {
        if (create == null) {
            throw new InvalidRequestException("A JSON request body is required.");
        }
        Community c = communities.create(context.caller().requireAuthenticated().actor(), create);
        return Response.created(UriBuilder.fromPath("communities/{id}").build(c.id().value()))
                .entity(c)
                .build();
    }

    @GET
    @Operation(summary = "All communities with their member tenants (signed-in users)")
    public List<Community> list() {
        context.caller().requireAuthenticated();
        return communities.list();
    }

    @POST
    @Path("/{id}/members")
    @Operation(summary = "A tenant joins (its tenant admin, or a curator)")
    public Community join(@PathParam("id") String id, Membership membership) {
        if (membership == null || membership.tenant() == null) {
            throw new InvalidRequestException("Give the joining 'tenant'.");
        }
        return communities.join(
                context.caller().requireAuthenticated().actor(),
                CommunityId.of(id),
                TenantId.of(membership.tenant()));
    }

    @DELETE
    @Path("/{id}/members/{tenant}")
    @Operation(summary = "A tenant leaves (its tenant admin, or a curator)")
    public Community leave(@PathParam("id") String id, @PathParam("tenant") String tenant) {
        return communities.leave(
                context.caller().requireAuthenticated().actor(),
                CommunityId.of(id),
                TenantId.of(tenant));
    }
}
