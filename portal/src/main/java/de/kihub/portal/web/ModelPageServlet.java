package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A model's page {@code /katalog/{owner}/{name}}: its catalog entry, card, versions, artifacts,
 * evaluations and usage, and for a public people-counting model the "Try it" form, which posts to
 * {@code /katalog/{owner}/{name}/ausprobieren} ({@link TryIt}). A model the caller may not see
 * looks exactly like one that does not exist: 404.
 */
@WebServlet(CatalogView.PATH + "/*")
// the whole request stays in memory (threshold above the limit): "Try it" stores nothing
@MultipartConfig(
        maxFileSize = TryIt.MAX_IMAGE_BYTES,
        maxRequestSize = TryIt.MAX_IMAGE_BYTES + 64 * 1024,
        fileSizeThreshold = (int) TryIt.MAX_IMAGE_BYTES + 64 * 1024)
public class ModelPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String TRY_IT = "ausprobieren";

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Models models;

    @Inject transient Versions versions;

    @Inject transient ModelDetails details;

    @Inject transient TryIt tryIt;

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
        fill(page, caller.actor(), ref, model, visible, request.getParameter("version"));
        pages.render("model", page, request, response);
    }

    /** Everything the model page shows, in the page's language. */
    void fill(
            PageModel page,
            Actor actor,
            ModelRef ref,
            Model model,
            List<ModelVersion> visible,
            String askedVersion) {
        String language = page.locale().getLanguage();
        page.put("model", ModelPage.of(model, visible, page.locale()));
        ModelVersion cardVersion = ModelDetails.cardVersion(visible, askedVersion);
        page.put("card", details.card(actor, ref, cardVersion, language));
        page.put("artifacts", ModelDetails.artifacts(ref, visible, page.locale()));
        page.put("evaluations", details.evaluations(actor, ref, language, page.locale()));
        page.put("activeTenants", details.activeTenants(actor, ref));
        page.put("users", details.publishedUsers(ref));
        ModelVersion tryVersion = tryItVersion(model, visible);
        page.put("tryItVersion", tryVersion == null ? null : tryVersion.version());
        page.put("tryItAction", ModelPage.href(ref.owner().value(), ref.name()) + "/" + TRY_IT);
    }

    /**
     * The version "Try it" counts with: the newest released version with an artifact of a PUBLIC
     * people-counting model; null for every other model.
     */
    static ModelVersion tryItVersion(Model model, List<ModelVersion> visible) {
        if (model.visibility() != Visibility.PUBLIC || !TryIt.TASK.equals(model.task())) {
            return null;
        }
        return visible.stream()
                .filter(v -> VersionStatus.RELEASED.contains(v.status()))
                .filter(v -> v.status() != VersionStatus.ARCHIVED && v.artifact() != null)
                .findFirst()
                .orElse(null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // forms are sent in UTF-8 (the pages' charset); set before the first parameter is read
        request.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("catalog");
        String path = request.getPathInfo();
        String suffix = "/" + TRY_IT;
        ModelRef ref =
                path != null && path.endsWith(suffix)
                        ? ref(path.substring(0, path.length() - suffix.length()))
                        : null;
        if (ref == null) {
            pages.renderError(
                    page, HttpServletResponse.SC_NOT_FOUND, "error.notFound", request, response);
            return;
        }
        tryIt.handle(caller, ref, page, request, response);
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
