package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.Versions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A model's page {@code /katalog/{owner}/{name}}: its catalog entry and versions. A model the
 * caller may not see looks exactly like one that does not exist: 404.
 */
@WebServlet(CatalogView.PATH + "/*")
public class ModelPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Models models;

    @Inject transient Versions versions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("catalog");
        ModelRef ref = ref(request.getPathInfo());
        if (ref == null) {
            pages.renderError(
                    page, HttpServletResponse.SC_NOT_FOUND, "error.notFound", request, response);
            return;
        }
        Model model;
        List<ModelVersion> visible;
        try {
            model = models.get(caller.actor(), ref);
            visible = versions.list(caller.actor(), ref);
        } catch (NotFoundException e) {
            page.put("model", ref.toString());
            pages.renderError(
                    page,
                    HttpServletResponse.SC_NOT_FOUND,
                    "error.modelNotFound",
                    request,
                    response);
            return;
        }
        page.put("model", ModelPage.of(model, visible, page.locale()));
        pages.render("model", page, request, response);
    }

    /** {@code /owner/name} as a model address, or null for anything else. */
    static ModelRef ref(String pathInfo) {
        if (pathInfo == null) {
            return null;
        }
        String[] parts = pathInfo.split("/", -1);
        if (parts.length != 3 || !parts[0].isEmpty()) {
            return null;
        }
        try {
            return ModelRef.of(parts[1], parts[2]);
        } catch (InvalidRequestException | IllegalArgumentException e) {
            return null;
        }
    }
}
