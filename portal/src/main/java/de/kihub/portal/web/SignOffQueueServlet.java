package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentRecords;
import de.kihub.services.deployment.DeploymentStatus;
import de.kihub.services.deployment.Deployments;
import de.kihub.services.deployment.RecordView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /kommune/freigaben}: the deployments of the caller's municipality whose record waits for
 * the data-protection officer (not signed off, not retired), with what is still missing, each
 * linking to its documentation view. For the tenant's {@code dpo}; other people get 403.
 */
@WebServlet(SignOffQueueServlet.PATH)
public class SignOffQueueServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/kommune/freigaben";

    /** One deployment waiting, with the record's missing parts (empty: ready to sign). */
    public record Waiting(Deployment deployment, List<String> missing) {}

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Deployments deployments;

    @Inject transient DeploymentRecords records;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("signoffs");
        if (!caller.authenticated()) {
            response.sendRedirect((String) page.values().get("loginUrl"));
            return;
        }
        Optional<TenantId> tenant = caller.optTenant();
        if (tenant.isEmpty()) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        if (!caller.hasRole(Actor.DPO)) {
            pages.renderError(page, 403, "error.forbidden", request, response);
            return;
        }
        Actor actor;
        try {
            actor = caller.actorFor(tenant.get());
        } catch (NotFoundException e) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        List<Waiting> waiting =
                deployments.list(actor, tenant.get()).stream()
                        .filter(d -> d.signOff() == null && d.status() != DeploymentStatus.RETIRED)
                        .map(d -> new Waiting(d, missing(actor, tenant.get(), d)))
                        .toList();
        page.put("tenantId", tenant.get().toString()).put("waiting", waiting);
        pages.render("signoffs", page, request, response);
    }

    private List<String> missing(Actor actor, TenantId tenant, Deployment d) {
        RecordView view = records.view(actor, tenant, d.id());
        return view.missing();
    }
}
