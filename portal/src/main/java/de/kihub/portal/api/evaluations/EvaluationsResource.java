package de.kihub.portal.api.evaluations;

import de.kihub.portal.security.TenantContext;
import de.kihub.portal.startup.HubVersion;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.evaluation.Evaluation;
import de.kihub.services.evaluation.EvaluationCreate;
import de.kihub.services.evaluation.Evaluations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/evaluations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class EvaluationsResource {
    @Inject TenantContext context;

    @Inject Evaluations evaluations;

    @Context UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Evaluate a model version on a dataset (publisher, deployer, tenant-admin or"
                            + " curator): a people counter on a COUNTS_CSV or MOT dataset, an image"
                            + " classifier (ONNX with labels.txt) on a CLASS_FOLDERS dataset; answers"
                            + " 202 at once, the job runs in the background")
    public Response start(EvaluationCreate create) {
        Evaluation e = evaluations.start(signedIn(), create, HubVersion.get());
        // absolute from the base URI: a path would be resolved against /api/v1/ once more
        return Response.accepted(e)
                .location(uriInfo.getBaseUriBuilder().path("evaluations/{id}").build(e.id()))
                .build();
    }

    @GET
    @Operation(
            summary =
                    "The evaluations the caller may see, newest first: the own tenant's, shared"
                            + " and public ones")
    public List<Evaluation> list(
            @QueryParam("model") String model,
            @QueryParam("dataset") String dataset,
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit) {
        return evaluations.list(actor(), model, dataset, status, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary =
                    "Status, progress (items done of total, estimated seconds left), metrics once"
                            + " done, and provenance")
    public Evaluation get(@PathParam("id") String id) {
        return evaluations.get(actor(), uuid(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running evaluation (it stops after its current item)")
    public Evaluation cancel(@PathParam("id") String id) {
        return evaluations.cancel(signedIn(), uuid(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "The same as POST .../cancel; results are kept, never deleted")
    public Evaluation delete(@PathParam("id") String id) {
        return cancel(id);
    }

    @POST
    @Path("/{id}/share")
    @Operation(
            summary =
                    "Show the tenant's result to everybody (the numbers, never the data); model"
                            + " and dataset must each be public or the tenant's own")
    public Evaluation share(@PathParam("id") String id) {
        return evaluations.share(signedIn(), uuid(id), true);
    }

    @POST
    @Path("/{id}/unshare")
    @Operation(summary = "Keep the tenant's result in the tenant again")
    public Evaluation unshare(@PathParam("id") String id) {
        return evaluations.share(signedIn(), uuid(id), false);
    }

    private Actor actor() {
        return context.caller().actor();
    }

    private Actor signedIn() {
        return context.caller().requireAuthenticated().actor();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + id + "' is not an evaluation id.");
        }
    }
}
