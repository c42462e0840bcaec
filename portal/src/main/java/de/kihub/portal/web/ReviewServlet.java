package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.Role;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionAction;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The curators' review queue {@code /pruefung}: versions in review, each with approve and reject
 * (reject needs a comment). Anonymous callers are sent to sign in, callers without the curator role
 * get 403; the registry checks the role and the tenant again on every action.
 */
@WebServlet(ReviewServlet.PATH)
public class ReviewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/pruefung";

    /** How many versions the queue shows at most, the longest waiting first. */
    static final int QUEUE_LIMIT = 500;

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Versions versions;

    /** One version awaiting review, as the queue shows it. */
    public record Entry(String model, String version, String changelog, String submittedAt) {
        public String field() {
            return (model + "-" + version).replaceAll("[^A-Za-z0-9-]", "-");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("review");
        if (!allowed(caller, page, request, response)) {
            return;
        }
        show(caller, page, request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("review");
        if (!Csrf.valid(request)) {
            pages.renderError(
                    page, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", request, response);
            return;
        }
        if (!allowed(caller, page, request, response)) {
            return;
        }
        String model = request.getParameter("model");
        String version = request.getParameter("version");
        String decision = request.getParameter("decision");
        String comment = trimmed(request.getParameter("comment"));
        VersionAction action =
                "approve".equals(decision)
                        ? VersionAction.APPROVE
                        : "reject".equals(decision) ? VersionAction.REJECT : null;
        ModelRef ref;
        try {
            ref = model == null ? null : ModelRef.parse(model);
        } catch (InvalidRequestException | IllegalArgumentException e) {
            ref = null;
        }
        if (ref == null || version == null || action == null) {
            page.status(HttpServletResponse.SC_BAD_REQUEST).put("error", "review.invalid");
            show(caller, page, request, response);
            return;
        }
        if (action == VersionAction.REJECT && comment == null) {
            page.status(HttpServletResponse.SC_BAD_REQUEST)
                    .put("commentMissing", model + "@" + version);
            show(caller, page, request, response);
            return;
        }
        try {
            versions.transition(caller.actor(), ref, version, action, comment);
        } catch (NotFoundException e) {
            pages.renderError(
                    page, HttpServletResponse.SC_NOT_FOUND, "error.notFound", request, response);
            return;
        } catch (ForbiddenException e) {
            pages.renderError(
                    page, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", request, response);
            return;
        } catch (ConflictException | InvalidRequestException e) {
            page.status(HttpServletResponse.SC_CONFLICT).put("error", "review.conflict");
            show(caller, page, request, response);
            return;
        }
        // Post/redirect/get: a reload does not repeat the decision.
        response.sendRedirect(
                request.getContextPath()
                        + PATH
                        + "?done="
                        + (action == VersionAction.APPROVE ? "approved" : "rejected"));
    }

    private boolean allowed(
            Caller caller, PageModel page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!caller.authenticated()) {
            response.sendRedirect(String.valueOf(page.values().get("loginUrl")));
            return false;
        }
        if (!caller.hasRole(Role.CURATOR)) {
            pages.renderError(
                    page, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", request, response);
            return false;
        }
        return true;
    }

    private void show(
            Caller caller, PageModel page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<Entry> queue = new ArrayList<>();
        for (ModelVersion v :
                versions.listByStatus(caller.actor(), VersionStatus.IN_REVIEW, QUEUE_LIMIT)) {
            queue.add(
                    new Entry(
                            v.model(),
                            v.version(),
                            v.changelog(),
                            v.submittedAt() == null ? null : v.submittedAt().toString()));
        }
        String done = request.getParameter("done");
        if ("approved".equals(done) || "rejected".equals(done)) {
            page.put("done", "review.done." + done);
        }
        page.put("queue", queue);
        pages.render("review", page, request, response);
    }

    private static String trimmed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
