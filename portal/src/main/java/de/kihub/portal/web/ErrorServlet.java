package de.kihub.portal.web;

import de.kihub.portal.api.error.Problem;
import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import jakarta.inject.Inject;
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
 * and no internals. API clients get problem+json; a browser asking for a page gets the same as a
 * friendly HTML page.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());
    private static final String OIDC_PACKAGE = "org.wildfly.security.http.oidc.";
    static final int RETRY_AFTER_SECONDS = 30;

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

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
        if (wantsPage(request, instance)) {
            renderPage(request, response, problem);
            return;
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

    /** A browser's page request: not under /api, and HTML accepted. */
    static boolean wantsPage(HttpServletRequest request, String instance) {
        String accept = request.getHeader("Accept");
        String apiPrefix = request.getContextPath() + "/api/";
        return accept != null
                && accept.contains("text/html")
                && (instance == null || !instance.startsWith(apiPrefix));
    }

    private void renderPage(
            HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        Caller caller;
        try {
            caller = context.caller();
        } catch (RuntimeException e) {
            // the failure may be the caller's own (an unreachable identity provider)
            caller = Caller.ANONYMOUS;
        }
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // an error dispatch keeps the failed request's query string
        String query = request.getQueryString();
        PageModel page =
                PageModel.start(
                        request,
                        response,
                        caller,
                        path == null ? request.getContextPath() + "/" : path,
                        query);
        page.put("errorId", problem.errorId());
        String reason =
                problem.status() == HttpServletResponse.SC_SERVICE_UNAVAILABLE
                        ? "error.signInUnavailable"
                        : "error.internal";
        pages.renderError(page, problem.status(), reason, request, response);
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
