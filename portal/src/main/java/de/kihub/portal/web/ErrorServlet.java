package de.kihub.portal.web;

import de.kihub.portal.api.error.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page for exceptions that no JAX-RS mapper saw. A failure inside the OIDC
 * authentication mechanism means the identity provider could not be reached (no metadata, no keys):
 * that is a 503 the client may retry, not a server bug. Everything else is a 500 with an error id
 * and no internals.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());
    private static final String OIDC_PACKAGE = "org.wildfly.security.http.oidc.";
    static final int RETRY_AFTER_SECONDS = 30;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String instance = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem;
        if (failure != null && raisedByOidcMechanism(failure)) {
            LOG.log(
                    Level.WARNING,
                    "Identity provider unreachable while authenticating "
                            + instance
                            + ": "
                            + failure);
            problem =
                    Problem.of(
                            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "Service Unavailable",
                            "The identity provider (Keycloak) cannot be reached, so the access"
                                    + " token cannot be checked. Try again later.",
                            instance);
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        } else {
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Request " + instance + " failed, error id " + errorId, failure);
            problem =
                    Problem.of(
                                    HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                                    "Internal Server Error",
                                    "The server could not handle the request. Quote the error id"
                                            + " when reporting it.",
                                    instance)
                            .withErrorId(errorId);
        }
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Jsonb jsonb = JsonbBuilder.create()) {
            response.getWriter().write(jsonb.toJson(problem));
        } catch (Exception e) {
            throw new IOException("Cannot write the error response", e);
        }
    }

    static boolean raisedByOidcMechanism(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0 && trace[0].getClassName().startsWith(OIDC_PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
