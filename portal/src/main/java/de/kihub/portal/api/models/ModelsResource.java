package de.kihub.portal.api.models;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelCreate;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.ModelUpdate;
import de.kihub.registry.model.Models;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ModelsResource {

    @Inject TenantContext context;

    @Inject Models models;

    @POST
    @Operation(
            summary =
                    "Create a model owned by the caller's tenant (publisher). PUBLIC is a request"
                            + " that takes effect when a curator approves a version.")
    public Response create(ModelCreate create) {
        Model model =
                models.create(context.caller().requireAuthenticated().actor(), required(create));
        return Response.created(
                        UriBuilder.fromPath("models/{owner}/{name}")
                                .build(model.owner(), model.name()))
                .entity(model)
                .build();
    }

    @GET
    @Operation(summary = "The models the caller may see, newest first")
    public List<Model> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return models.list(context.caller().actor(), limit);
    }

    @GET
    @Path("/{owner}/{name}")
    @Operation(summary = "One model; 404 if it does not exist or the caller may not see it")
    public Model get(@PathParam("owner") String owner, @PathParam("name") String name) {
        return models.get(context.caller().actor(), ModelRef.of(owner, name));
    }

    @PATCH
    @Path("/{owner}/{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a model's metadata (owner's publisher); absent fields stay")
    public Model update(
            @PathParam("owner") String owner, @PathParam("name") String name, ModelUpdate update) {
        return models.update(
                context.caller().requireAuthenticated().actor(),
                ModelRef.of(owner, name),
                required(update));
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required.");
        }
        return body;
    }
}
