package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.Deployments;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The deployments page of the caller's municipality, {@code /kommune/einsaetze}: every deployment
 * of the tenant with status, model and version, risk class, and the lifecycle actions its status
 * allows as POST forms ({@code /kommune/einsaetze/{id}/activate|pause|retire}, with the CSRF
 * field). It calls {@link Deployments} with the caller acting for their tenant, as {@code
 * DeploymentsResource} does, so roles and tenant are checked by the service: another tenant's
 * deployment answers 404, a missing role 403, a state that does not allow the action 409 with the
 * service's reason on the page. Anonymous callers are sent to sign in.
 */
@WebServlet({TenantDeploymentsServlet.PATH, TenantDeploymentsServlet.PATH + "/*"})
public class TenantDeploymentsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/kommune/einsaetze";

    static final Set<String> ACTIONS = Set.of("activate", "pause", "retire");

    /** One row of the list, with the actions the status allows. */
    public record Row(Deployment deployment, List<String> actions) {}

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Deployments deployments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("deployments");
        if (!caller.authenticated()) {
            response.sendRedirect((String) page.values().get("loginUrl"));
            return;
        }
        String info = request.getPathInfo();
        if (info != null && !info.equals("/")) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        Optional<TenantId> tenant = caller.optTenant();
        if (tenant.isEmpty()) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        try {
            list(page, caller.actorFor(tenant.get()), tenant.get(), request.getParameter("done"));
        } catch (NotFoundException e) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        } catch (ForbiddenException e) {
            pages.renderError(page, 403, "error.forbidden", request, response);
            return;
        }
        pages.render("deployments", page, request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("deployments");
        if (!caller.authenticated()) {
            response.sendRedirect((String) page.values().get("loginUrl"));
            return;
        }
        if (!Csrf.valid(request)) {
            pages.renderError(page, 403, "error.csrf", request, response);
            return;
        }
        // /{id}/{action}
        String info = request.getPathInfo();
        String[] parts = info == null ? new String[0] : info.substring(1).split("/", -1);
        Optional<TenantId> tenant = caller.optTenant();
        UUID id = parts.length == 2 ? uuid(parts[0]) : null;
        if (id == null || !ACTIONS.contains(parts[1]) || tenant.isEmpty()) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        Actor actor = caller.actorFor(tenant.get());
        try {
            switch (parts[1]) {
                case "activate" -> deployments.activate(actor, tenant.get(), id);
                case "pause" -> deployments.pause(actor, tenant.get(), id);
                default -> deployments.retire(actor, tenant.get(), id);
            }
        } catch (NotFoundException e) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        } catch (ForbiddenException e) {
            pages.renderError(page, 403, "error.forbidden", request, response);
            return;
        } catch (ConflictException e) {
            page.status(HttpServletResponse.SC_CONFLICT).put("problem", e.getMessage());
            list(page, actor, tenant.get(), null);
            pages.render("deployments", page, request, response);
            return;
        }
        // post/redirect/get: reloading the list repeats nothing
        response.sendRedirect(request.getContextPath() + PATH + "?done=" + parts[1] + "#d-" + id);
    }

    private void list(PageModel page, Actor actor, TenantId tenant, String done) {
        List<Row> rows =
                deployments.list(actor, tenant).stream().map(d -> new Row(d, actions(d))).toList();
        page.put("rows", rows)
                .put("tenantId", tenant.toString())
                .put("done", done != null && ACTIONS.contains(done) ? done : null);
    }

    static List<String> actions(Deployment d) {
        return switch (d.status()) {
            case READY -> List.of("activate", "retire");
            case PAUSED -> List.of("activate", "retire");
            case ACTIVE -> List.of("pause", "retire");
            case PENDING_DOCUMENTATION -> List.of("retire");
            case RETIRED -> List.of();
        };
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
