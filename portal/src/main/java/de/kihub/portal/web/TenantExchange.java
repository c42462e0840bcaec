package de.kihub.portal.web;

import de.kihub.registry.access.Actor;
import de.kihub.registry.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * One request to a municipality's page: the page model started for it and the signed-in caller
 * acting for their own tenant (the services check roles and that the deployment is the tenant's).
 */
record TenantExchange(
        HttpServletRequest request,
        HttpServletResponse response,
        PageModel page,
        TenantId tenant,
        Actor actor,
        PageRenderer pages) {

    String param(String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }

    void render(String template) throws IOException {
        pages.render(template, page, request, response);
    }

    void error(int status, String reason) throws IOException {
        pages.renderError(page, status, reason, request, response);
    }

    /** Post/redirect/get: to a path of the hub below the context. */
    void redirect(String path) throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }

    static String page(UUID id) {
        return TenantDeploymentsServlet.PATH + "/" + id;
    }
}
