package de.kihub.portal.api.error;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errorId} is set for server errors only, so that an operator
 * can find the matching log entry; {@code errors} lists field violations.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errorId", "errors"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String errorId,
        List<FieldError> errors) {
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** One violated field: its name and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public static Problem of(Response.Status status, String detail, String instance) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail, instance);
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null, null);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, id, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, errorId, fieldErrors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
