package de.kihub.portal.api.datasets;

import de.kihub.portal.api.models.Review;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetCreate;
import de.kihub.registry.dataset.DatasetRef;
import de.kihub.registry.dataset.Datasets;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.datasets.DatasetIntake;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DatasetsResource {

    @Inject TenantContext context;

    @Inject Datasets datasets;

    @Inject DatasetIntake intake;

    @Context UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Register a dataset of the caller's tenant (publisher or deployer); PUBLIC is a"
                            + " request that takes effect when a curator approves it")
    public Response create(DatasetCreate create) {
        if (create == null) {
            throw new InvalidRequestException("A JSON request body is required.");
        }
        Dataset dataset = datasets.create(signedIn(), create);
        // from the base URI: a relative Location would be resolved against /api/v1/ once more
        return Response.created(
                        uriInfo.getBaseUriBuilder()
                                .path("datasets/{owner}/{name}")
                                .build(dataset.owner(), dataset.name()))
                .entity(dataset)
                .build();
    }

    @GET
    @Operation(summary = "The datasets the caller may see, optionally of one task, newest first")
    public List<Dataset> list(
            @QueryParam("task") String task, @QueryParam("limit") @DefaultValue("100") int limit) {
        return datasets.list(context.caller().actor(), task, limit);
    }

    @GET
    @Path("/{owner}/{name}")
    @Operation(summary = "One dataset; 404 if it does not exist or the caller may not see it")
    public Dataset get(@PathParam("owner") String owner, @PathParam("name") String name) {
        return datasets.get(context.caller().actor(), DatasetRef.of(owner, name));
    }

    @PUT
    @Path("/{owner}/{name}/content")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "Upload the content as a zip (raw bytes, streamed; owner's publisher or"
                            + " deployer, not once public); validated for the dataset's format"
                            + " before it is kept, 422 naming the first bad line or file")
    public Dataset upload(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        return intake.upload(signedIn(), DatasetRef.of(owner, name), contentLength, body);
    }

    @POST
    @Path("/{owner}/{name}/approve")
    @Operation(summary = "Make a dataset that requests PUBLIC public (curator; needs content)")
    public Dataset approve(
            @PathParam("owner") String owner, @PathParam("name") String name, Review review) {
        return review(owner, name, true, review);
    }

    @POST
    @Path("/{owner}/{name}/reject")
    @Operation(summary = "Decline a dataset's PUBLIC request with a comment (curator)")
    public Dataset reject(
            @PathParam("owner") String owner, @PathParam("name") String name, Review review) {
        return review(owner, name, false, review);
    }

    private Dataset review(String owner, String name, boolean approve, Review review) {
        return datasets.review(
                signedIn(),
                DatasetRef.of(owner, name),
                approve,
                review == null ? null : review.comment());
    }

    private Actor signedIn() {
        return context.caller().requireAuthenticated().actor();
    }
}
