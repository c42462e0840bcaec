package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
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
 * The pages of the caller's municipality below {@code /kommune/einsaetze}: the list of deployments
 * with their lifecycle actions, one deployment's page ({@link DeploymentPage}), the wizard for a
 * new one and its configuration, record and questionnaire steps ({@link DeploymentWizard}), the
 * data-protection officer's view with the sign-off ({@link DeploymentDocumentation}) and the
 * machine credentials ({@link DeploymentCredentials}). Every page calls the services with the
 * caller acting for their tenant, as {@code DeploymentsResource} does, so roles and tenant are
 * checked by the services: another tenant's deployment answers 404, a missing role 403, a state
 * that does not allow the action 409 with the service's reason. Every POST needs the CSRF field and
 * answers with a redirect (post/redirect/get) unless it shows field errors (400). Anonymous callers
 * are sent to sign in.
 */
@WebServlet({TenantDeploymentsServlet.PATH, TenantDeploymentsServlet.PATH + "/*"})
public class TenantDeploymentsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/kommune/einsaetze";

    static final Set<String> ACTIONS = Set.of("activate", "pause", "retire", "upgrade", "rollback");

    /** One row of the list, with the actions the status allows. */
    public record Row(Deployment deployment, List<String> actions) {}

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Deployments deployments;

    @Inject transient DeploymentPage detail;

    @Inject transient DeploymentWizard wizard;

    @Inject transient DeploymentDocumentation documentation;

    @Inject transient DeploymentCredentials credentials;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        TenantExchange x = exchange(request, response);
        if (x == null) {
            return;
        }
        String[] p = parts(request);
        handle(
                x,
                () -> {
                    if (p.length == 0) {
                        list(x, request.getParameter("done"));
                        x.render("deployments");
                    } else if (p.length == 1 && p[0].equals("neu")) {
                        wizard.choose(x);
                    } else if (p.length == 2
                            && p[0].equals("neu")
                            && p[1].equals("konfiguration")) {
                        wizard.configureNew(x);
                    } else if (uuid(p[0]) == null) {
                        x.error(404, "error.notFound");
                    } else if (p.length == 1) {
                        detail.show(x, uuid(p[0]));
                    } else if (p.length == 2) {
                        UUID id = uuid(p[0]);
                        switch (p[1]) {
                            case "konfiguration" -> wizard.configuration(x, id);
                            case "dokumentieren" -> wizard.record(x, id);
                            case "fragebogen" -> wizard.questionnaire(x, id);
                            case "dokumentation" -> documentation.show(x, id);
                            case "zugaenge" -> credentials.show(x, id);
                            default -> x.error(404, "error.notFound");
                        }
                    } else {
                        x.error(404, "error.notFound");
                    }
                });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        TenantExchange x = exchange(request, response);
        if (x == null) {
            return;
        }
        if (!Csrf.valid(request)) {
            x.error(403, "error.csrf");
            return;
        }
        String[] p = parts(request);
        UUID id = p.length >= 1 ? uuid(p[0]) : null;
        handle(
                x,
                () -> {
                    if (p.length == 1 && p[0].equals("neu")) {
                        wizard.create(x);
                    } else if (id == null) {
                        x.error(404, "error.notFound");
                    } else if (p.length == 2 && ACTIONS.contains(p[1])) {
                        action(x, id, p[1]);
                    } else if (p.length == 2) {
                        switch (p[1]) {
                            case "konfiguration" -> wizard.saveConfiguration(x, id);
                            case "dokumentieren" -> wizard.saveRecord(x, id);
                            case "fragebogen" -> wizard.saveAnswers(x, id);
                            case "freigabe" -> documentation.signOff(x, id);
                            case "zugaenge" -> credentials.create(x, id);
                            default -> x.error(404, "error.notFound");
                        }
                    } else if (p.length == 4 && p[1].equals("zugaenge") && uuid(p[2]) != null) {
                        credentials.change(x, id, uuid(p[2]), p[3]);
                    } else {
                        x.error(404, "error.notFound");
                    }
                });
    }

    /** The exchange of a signed-in member of a tenant, or null when already answered. */
    private TenantExchange exchange(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("deployments");
        if (!caller.authenticated()) {
            response.sendRedirect((String) page.values().get("loginUrl"));
            return null;
        }
        Optional<TenantId> tenant = caller.optTenant();
        if (tenant.isEmpty()) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return null;
        }
        Actor actor;
        try {
            actor = caller.actorFor(tenant.get());
        } catch (NotFoundException e) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return null;
        }
        page.put("tenantId", tenant.get().toString());
        return new TenantExchange(request, response, page, tenant.get(), actor, pages);
    }

    interface Handler {
        void run() throws IOException;
    }

    /** The service's refusals as pages: 404, 403, and 409/400 with its reason. */
    static void handle(TenantExchange x, Handler handler) throws IOException {
        try {
            handler.run();
        } catch (NotFoundException e) {
            x.error(404, "error.notFound");
        } catch (ForbiddenException e) {
            x.error(403, "error.forbidden");
        } catch (ConflictException e) {
            x.page().put("model", e.getMessage());
            x.error(409, "error.service");
        } catch (InvalidRequestException e) {
            x.page().put("model", e.getMessage());
            x.error(400, "error.service");
        }
    }

    private void action(TenantExchange x, UUID id, String action) throws IOException {
        boolean fromPage = "page".equals(x.param("back"));
        try {
            switch (action) {
                case "activate" -> deployments.activate(x.actor(), x.tenant(), id);
                case "pause" -> deployments.pause(x.actor(), x.tenant(), id);
                case "retire" -> deployments.retire(x.actor(), x.tenant(), id);
                case "rollback" -> deployments.rollback(x.actor(), x.tenant(), id);
                default -> {
                    String version = x.param("version");
                    if (version.isEmpty()) {
                        x.page().status(400).put("problemKey", "deployment.upgrade.required");
                        detail.render(x, id);
                        return;
                    }
                    deployments.upgrade(x.actor(), x.tenant(), id, version);
                }
            }
        } catch (ConflictException | InvalidRequestException e) {
            x.page()
                    .status(
                            e instanceof ConflictException
                                    ? HttpServletResponse.SC_CONFLICT
                                    : HttpServletResponse.SC_BAD_REQUEST)
                    .put("problem", e.getMessage());
            if (fromPage) {
                detail.render(x, id);
            } else {
                list(x, null);
                x.render("deployments");
            }
            return;
        }
        // post/redirect/get: reloading the page repeats nothing
        x.redirect(
                fromPage
                        ? TenantExchange.page(id) + "?done=" + action
                        : PATH + "?done=" + action + "#d-" + id);
    }

    private void list(TenantExchange x, String done) {
        List<Row> rows =
                deployments.list(x.actor(), x.tenant()).stream()
                        .map(d -> new Row(d, actions(d)))
                        .toList();
        x.page()
                .put("rows", rows)
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

    private static String[] parts(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return info.substring(1).split("/", -1);
    }

    static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
