package de.kihub.portal.api.counting;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.ModelRef;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.counting.live.PeopleCounting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/models/{owner}/{name}/versions/{version}/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SessionsResource {
    @Inject TenantContext context;

    @Inject PeopleCounting counting;

    @PathParam("owner")
    String owner;

    @PathParam("name")
    String name;

    @PathParam("version")
    String version;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start counting one camera's frames with lines and zones")
    public Response createSession(CountingApi.SessionSpec spec) {
        if (spec == null) {
            throw new InvalidRequestException(
                    "A JSON body with 'lines' and/or 'zones' is required.");
        }
        CountingApi.SessionState state =
                counting.createSession(
                        context.caller().requireAuthenticated().actor(), ref(), version, spec);
        return Response.status(Response.Status.CREATED).entity(state).build();
    }

    @POST
    @Path("/{id}/frames")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "The next frame of the session's camera (in capture order)")
    public CountingApi.SessionState frame(
            @PathParam("id") String id,
            @QueryParam("capturedAt") String capturedAt,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            InputStream body) {
        return counting.addFrame(
                context.caller().requireAuthenticated().actor(),
                uuid(id),
                PredictResource.read(body, length),
                instant(capturedAt));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The session's running totals per line and zone")
    public CountingApi.SessionState session(@PathParam("id") String id) {
        return counting.session(context.caller().requireAuthenticated().actor(), uuid(id));
    }

    @GET
    @Path("/{id}/intervals")
    @Operation(summary = "The stored per-interval aggregates of the session (the only stored data)")
    public List<CountingApi.Interval> intervals(@PathParam("id") String id) {
        return counting.intervals(context.caller().requireAuthenticated().actor(), uuid(id));
    }

    private ModelRef ref() {
        return ModelRef.of(owner, name);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + id + "' is not a session id.");
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "capturedAt must be an ISO-8601 instant such as 2026-05-01T18:30:00Z.");
        }
    }
}
