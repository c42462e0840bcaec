package de.kihub.portal.api.deployments;

import de.kihub.portal.api.counting.PredictResource;
import de.kihub.portal.security.AccessDeniedException;
import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.deployment.DeploymentCalls;
import de.kihub.services.deployment.Deployments;
import de.kihub.services.usage.UsageReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Calls on a deployment, by the tenant's people (any role) or by a machine credential of this very
 * deployment ({@code Authorization: ApiKey ...}). Images are never stored. All deployment resources
 * share one root path so that JAX-RS matches their methods together.
 */
@Path("/tenants/{tenant}/deployments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DeploymentCallsResource {
    @Inject TenantContext context;

    @Inject DeploymentCalls calls;

    @Inject Deployments deployments;

    @PathParam("tenant")
    String tenant;

    @PathParam("id")
    String id;

    @POST
    @Path("/{id}/predict")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Count the people in one JPEG or PNG image with the deployment's settings")
    public CountingApi.Prediction predict(
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        TenantId t = allowed();
        return calls.predict(t, deployment(), PredictResource.read(body, length));
    }

    @POST
    @Path("/{id}/sessions")
    @Operation(summary = "Start counting one camera's frames with the deployment's lines and zones")
    public Response startSession() {
        TenantId t = allowed();
        CountingApi.SessionState state =
                calls.startSession(t, deployment(), context.caller().user());
        return Response.status(Response.Status.CREATED).entity(state).build();
    }

    @POST
    @Path("/{id}/sessions/{session}/frames")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "The next frame of the session's camera (in capture order)")
    public CountingApi.SessionState frame(
            @PathParam("session") String session,
            @QueryParam("capturedAt") String capturedAt,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            InputStream body) {
        TenantId t = allowed();
        return calls.frame(
                t,
                deployment(),
                uuid(session, "session"),
                PredictResource.read(body, length),
                instant(capturedAt, "capturedAt"));
    }

    @GET
    @Path("/{id}/sessions/{session}")
    @Operation(summary = "The session's running totals per line and zone")
    public CountingApi.SessionState session(@PathParam("session") String session) {
        return calls.session(allowed(), deployment(), uuid(session, "session"));
    }

    @DELETE
    @Path("/{id}/sessions/{session}")
    @Operation(summary = "End the session now; its open interval is stored")
    public CountingApi.SessionState endSession(@PathParam("session") String session) {
        return calls.endSession(allowed(), deployment(), uuid(session, "session"));
    }

    @GET
    @Path("/{id}/sessions/{session}/intervals")
    @Operation(summary = "The session's stored per-interval aggregates (the only stored data)")
    public List<CountingApi.Interval> intervals(@PathParam("session") String session) {
        return calls.intervals(allowed(), deployment(), uuid(session, "session"));
    }

    @GET
    @Path("/{id}/counts")
    @Operation(
            summary =
                    "Stored aggregates of all the deployment's cameras in [from, to) (default: the"
                            + " last 24 hours), in buckets of an ISO-8601 interval such as PT15M,"
                            + " PT1H or P1D")
    public CountingApi.Counts counts(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") String interval) {
        TenantId t = allowed();
        Instant end = instant(to, "to");
        end = end == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : end;
        Instant start = instant(from, "from");
        start = start == null ? end.minus(Duration.ofDays(1)) : start;
        return calls.counts(t, deployment(), start, end, duration(interval));
    }

    @GET
    @Path("/{id}/usage")
    @Operation(
            summary =
                    "Requests, errors, rejections and latency percentiles per interval in [from,"
                            + " to) (default: the last 24 hours), and totals")
    public UsageReport usage(@QueryParam("from") String from, @QueryParam("to") String to) {
        TenantId t = allowed();
        Instant end = instant(to, "to");
        end = end == null ? Instant.now().plusSeconds(1) : end;
        Instant start = instant(from, "from");
        start = start == null ? end.minus(Duration.ofDays(1)) : start;
        return calls.usage(t, deployment(), start, end);
    }

    /**
     * The tenant, if the caller is one of its people or a machine credential of this deployment.
     */
    private TenantId allowed() {
        TenantId t = TenantId.of(tenant);
        Caller caller = context.caller().requireAuthenticated();
        if (caller.isMachine()) {
            if (!caller.tenant().equals(t)) {
                throw new NotFoundException("There is no deployment " + id + ".");
            }
            if (!caller.machine().deployment().equals(deployment())) {
                throw new AccessDeniedException("This machine key belongs to another deployment.");
            }
            return t;
        }
        deployments.requireUse(caller.actorFor(t), t);
        return t;
    }

    private UUID deployment() {
        return uuid(id, "deployment");
    }

    private static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + text + "' is not a " + what + " id.");
        }
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "'" + name + "' must be an ISO-8601 instant such as 2026-05-01T18:30:00Z.");
        }
    }

    private static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "'interval' must be an ISO-8601 duration such as PT15M, PT1H or P1D.");
        }
    }
}
