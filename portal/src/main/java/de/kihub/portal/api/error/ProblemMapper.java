package de.kihub.portal.api.error;

import de.kihub.portal.security.AccessDeniedException;
import de.kihub.portal.security.AuthenticationRequiredException;
import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.registry.artifact.PayloadTooLargeException;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.HubException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.services.inspection.ModelLoadException;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.ModelNotUsableException;
import de.kihub.services.runtime.SaturatedException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps every exception that leaves a resource to problem+json. Client errors are logged at debug
 * level; server errors at error level with an id that is also returned, never their internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        String instance =
                uriInfo == null ? null : "/" + uriInfo.getPath(false).replaceFirst("^/", "");
        Problem problem = problemFor(failure, instance);
        if (problem.status() >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Request " + instance + " failed, error id " + errorId, failure);
            problem = problem.withErrorId(errorId);
        } else {
            LOG.log(Level.FINE, "Request " + instance + " rejected: " + failure.getMessage());
        }
        Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kihub\"");
        }
        // saturation (also a tenant's rate limit) and request timeouts say when to try again
        if (failure instanceof SaturatedException saturated) {
            response.header(HttpHeaders.RETRY_AFTER, saturated.retryAfterSeconds());
        }
        if (failure instanceof InferenceTimeoutException timeout) {
            response.header(HttpHeaders.RETRY_AFTER, timeout.retryAfterSeconds());
        }
        return response.build();
    }

    static Problem problemFor(Throwable failure, String instance) {
        if (failure instanceof AuthenticationRequiredException) {
            return Problem.of(Response.Status.UNAUTHORIZED, failure.getMessage(), instance);
        }
        if (failure instanceof AccessDeniedException) {
            return Problem.of(Response.Status.FORBIDDEN, failure.getMessage(), instance);
        }
        if (failure instanceof ForbiddenException) {
            return Problem.of(Response.Status.FORBIDDEN, failure.getMessage(), instance);
        }
        if (failure instanceof PayloadTooLargeException) {
            return Problem.of(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE, failure.getMessage(), instance);
        }
        if (failure instanceof InvalidArtifactException
                || failure instanceof ModelLoadException
                || failure instanceof ModelNotUsableException) {
            return Problem.of(422, "Unprocessable Content", failure.getMessage(), instance);
        }
        if (failure instanceof SaturatedException) {
            return Problem.of(Response.Status.TOO_MANY_REQUESTS, failure.getMessage(), instance);
        }
        if (failure instanceof InferenceTimeoutException) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage(), instance);
        }
        if (failure instanceof NotFoundException) {
            return Problem.of(Response.Status.NOT_FOUND, failure.getMessage(), instance);
        }
        if (failure instanceof ConflictException) {
            return Problem.of(Response.Status.CONFLICT, failure.getMessage(), instance);
        }
        if (failure instanceof InvalidRequestException || failure instanceof HubException) {
            return Problem.of(Response.Status.BAD_REQUEST, failure.getMessage(), instance);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request is invalid.", instance)
                    .withErrors(
                            violations.getConstraintViolations().stream()
                                    .map(
                                            v ->
                                                    new Problem.FieldError(
                                                            String.valueOf(v.getPropertyPath()),
                                                            v.getMessage()))
                                    .toList());
        }
        if (failure instanceof JsonbException
                || failure instanceof ProcessingException
                        && failure.getCause() instanceof JsonbException) {
            return Problem.of(
                    Response.Status.BAD_REQUEST,
                    "The request body does not match what this endpoint expects: "
                            + rootMessage(failure),
                    instance);
        }
        if (!(failure instanceof WebApplicationException) && causedByJsonP(failure)) {
            // a JsonObject body the container could not parse: not a JSON object, or no JSON
            return Problem.of(
                    Response.Status.BAD_REQUEST,
                    "The request body is not the JSON object this endpoint expects: "
                            + rootMessage(failure),
                    instance);
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            String detail =
                    status.getStatusCode() >= 500
                            ? "The server could not handle the request."
                            : web.getCause() instanceof JsonbException
                                    ? "The request body is not valid JSON for this endpoint: "
                                            + rootMessage(web)
                                    : web.getMessage();
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail, instance);
        }
        return Problem.of(
                Response.Status.INTERNAL_SERVER_ERROR,
                "The server could not handle the request. Quote the error id when reporting it.",
                instance);
    }

    private static boolean causedByJsonP(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonParsingException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
