package de.kihub.portal.api.evaluations;

import de.kihub.portal.security.TenantContext;
import de.kihub.services.evaluation.Comparison;
import de.kihub.services.evaluation.Leaderboard;
import de.kihub.services.evaluation.Leaderboards;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/leaderboards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class LeaderboardsResource {
    @Inject TenantContext context;

    @Inject Leaderboards leaderboards;

    @GET
    @Operation(
            summary =
                    "Best results on a dataset by a metric (mae, rmse, meanBias, mape, precision,"
                            + " recall, ap50, crossingMae, accuracy, macroF1; default mae, accuracy"
                            + " for image classification), one entry per model version and"
                            + " configuration, best first; only results the caller may see")
    public Leaderboard leaderboard(
            @QueryParam("dataset") String dataset,
            @QueryParam("task") String task,
            @QueryParam("metric") String metric,
            @QueryParam("limit") Integer limit) {
        return leaderboards.leaderboard(context.caller().actor(), task, dataset, metric, limit);
    }

    @GET
    @Path("/compare")
    @Operation(
            summary =
                    "Two versions of one model on one dataset side by side (their latest results),"
                            + " with the difference b - a per metric")
    public Comparison compare(
            @QueryParam("model") String model,
            @QueryParam("a") String a,
            @QueryParam("b") String b,
            @QueryParam("dataset") String dataset) {
        return leaderboards.compare(context.caller().actor(), model, a, b, dataset);
    }
}
