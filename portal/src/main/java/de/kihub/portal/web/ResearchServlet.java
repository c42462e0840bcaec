package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.Role;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.registry.artifact.PayloadTooLargeException;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.HubException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.CatalogVocabulary;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.ModelVersionCreate;
import de.kihub.registry.version.VersionAction;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import de.kihub.services.documentation.CardHtml;
import de.kihub.services.documentation.ModelCardDocuments;
import de.kihub.services.documentation.ModelCardView;
import de.kihub.services.publishing.ArtifactIntake;
import de.kihub.services.publishing.HubStorage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The researchers' pages {@code /forschung} (role publisher of a tenant): the tenant's models, a
 * form for a new model, and per model its versions with artifact upload, the inspection result, the
 * card editor and "submit for review". Every action calls the registry with the caller's identity,
 * as the API does, so the registry checks role and tenant again; a model is addressed by its name
 * within the caller's tenant, so another tenant's model cannot be reached (404).
 */
@WebServlet({ResearchServlet.PATH, ResearchServlet.PATH + "/*"})
// the no-JavaScript upload: parts above 1 MiB go to the container's temporary folder while the
// request lasts; the registry's intake then applies the configured artifact limit
@MultipartConfig(
        fileSizeThreshold = 1024 * 1024,
        maxFileSize = ResearchServlet.MAX_FORM_UPLOAD,
        maxRequestSize = ResearchServlet.MAX_FORM_UPLOAD + 1024 * 1024)
public class ResearchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ResearchServlet.class.getName());

    static final String PATH = "/forschung";
    static final String NEW = "neu";

    /** The upper bound a form upload can have (the intake's default limit, 2 GiB). */
    static final long MAX_FORM_UPLOAD = 2L * 1024 * 1024 * 1024;

    static final int MODEL_LIMIT = 500;

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Models models;

    @Inject transient Versions versions;

    @Inject transient ArtifactIntake intake;

    @Inject transient HubStorage storage;

    @Inject transient ModelCardDocuments documents;

    /** A tenant's model in the list. */
    public record ModelRow(String name, String displayName, String status, String href) {}

    /** One card section in the editor: its title and Markdown per language. */
    public record CardField(String key, String title, String de, String en) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("research");
        TenantId tenant = allowed(caller, page, request, response);
        if (tenant == null) {
            return;
        }
        String[] path = path(request);
        try {
            if (path.length == 0) {
                list(caller, tenant, page, request, response);
            } else if (path.length == 1 && NEW.equals(path[0])) {
                page.put("form", ModelForm.empty());
                newModel(page, request, response);
            } else if (path.length == 1) {
                ModelRef ref = ref(tenant, path[0]);
                modelPage(caller, ref, page, request, response);
            } else if (path.length == 3 && "karte".equals(path[2])) {
                ModelRef ref = ref(tenant, path[0]);
                ModelCardView view = documents.view(caller.actor(), ref, path[1]);
                cardPage(
                        caller,
                        ref,
                        path[1],
                        fields(view.sections(), page.locale().getLanguage()),
                        page,
                        request,
                        response);
            } else {
                throw new NotFoundException("no such research page");
            }
        } catch (NotFoundException | InvalidRequestException e) {
            pages.renderError(
                    page, HttpServletResponse.SC_NOT_FOUND, "error.notFound", request, response);
        } catch (ForbiddenException e) {
            pages.renderError(
                    page, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // forms are sent in UTF-8 (the pages' charset); set before the first parameter is read
        request.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("research");
        TenantId tenant = allowed(caller, page, request, response);
        if (tenant == null) {
            return;
        }
        try {
            if (!Csrf.valid(request)) {
                pages.renderError(
                        page, HttpServletResponse.SC_FORBIDDEN, "error.csrf", request, response);
                return;
            }
        } catch (IllegalStateException e) {
            // the container refused a form above its multipart limit
            pages.renderError(page, 413, "error.research.tooLarge", request, response);
            return;
        }
        String[] path = path(request);
        try {
            if (path.length == 1 && NEW.equals(path[0])) {
                createModel(caller, page, request, response);
            } else if (path.length == 2 && "versionen".equals(path[1])) {
                createVersion(caller, ref(tenant, path[0]), page, request, response);
            } else if (path.length == 3 && "artefakt".equals(path[2])) {
                upload(caller, ref(tenant, path[0]), path[1], page, request, response);
            } else if (path.length == 3 && "karte".equals(path[2])) {
                saveCard(caller, ref(tenant, path[0]), path[1], page, request, response);
            } else if (path.length == 3 && "einreichen".equals(path[2])) {
                submit(caller, ref(tenant, path[0]), path[1], page, request, response);
            } else {
                throw new NotFoundException("no such research action");
            }
        } catch (NotFoundException e) {
            pages.renderError(
                    page, HttpServletResponse.SC_NOT_FOUND, "error.notFound", request, response);
        } catch (ForbiddenException e) {
            pages.renderError(
                    page, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", request, response);
        }
    }

    /** The caller's tenant if they may use these pages; otherwise the answer is sent, null. */
    private TenantId allowed(
            Caller caller, PageModel page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!caller.authenticated()) {
            response.sendRedirect(String.valueOf(page.values().get("loginUrl")));
            return null;
        }
        if (caller.optTenant().isEmpty() || !caller.hasRole(Role.PUBLISHER)) {
            pages.renderError(
                    page, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", request, response);
            return null;
        }
        page.put("researchBase", PATH);
        return caller.optTenant().get();
    }

    private void list(
            Caller caller,
            TenantId tenant,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        boolean english = Language.ENGLISH.getLanguage().equals(page.locale().getLanguage());
        List<ModelRow> rows = new ArrayList<>();
        for (Model m : models.list(caller.actor(), MODEL_LIMIT)) {
            if (tenant.value().equals(m.owner())) {
                rows.add(
                        new ModelRow(
                                m.name(),
                                CatalogView.localized(m.displayName(), english),
                                m.visibility().name(),
                                PATH + "/" + QueryParameters.encode(m.name())));
            }
        }
        page.put("mode", "list").put("models", rows);
        done(page, request);
        pages.render("research", page, request, response);
    }

    private void newModel(PageModel page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        page.put("mode", "new")
                .put("tasks", CatalogVocabulary.TASKS)
                .put("domains", CatalogVocabulary.DOMAINS);
        pages.render("research", page, request, response);
    }

    private void createModel(
            Caller caller, PageModel page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ModelForm form = ModelForm.read(request::getParameter);
        if (form.valid()) {
            try {
                Model m = models.create(caller.actor(), form.create());
                redirect(request, response, m.name(), "created", null);
                return;
            } catch (ConflictException e) {
                form = form.withError("name", "research.error.exists");
            } catch (InvalidRequestException e) {
                page.put("problem", e.getMessage());
            }
        }
        page.status(HttpServletResponse.SC_BAD_REQUEST).put("form", form);
        newModel(page, request, response);
    }

    private void modelPage(
            Caller caller,
            ModelRef ref,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Actor actor = caller.actor();
        Model model = models.get(actor, ref);
        boolean english = Language.ENGLISH.getLanguage().equals(page.locale().getLanguage());
        List<ModelVersion> list = versions.list(actor, ref);
        page.put("mode", "model")
                .put("modelName", ref.name())
                .put("modelRef", ref.toString())
                .put("displayName", CatalogView.localized(model.displayName(), english))
                .put("visibility", model.visibility().name())
                .put(
                        "requestedVisibility",
                        model.requestedVisibility() == null
                                ? null
                                : model.requestedVisibility().name())
                .put("catalogHref", ModelPage.href(ref.owner().value(), ref.name()))
                .put("modelBase", PATH + "/" + QueryParameters.encode(ref.name()))
                .put("apiBase", ModelDetails.apiBase(ref))
                .put("versions", list)
                .put("maxUpload", storage.maxUploadBytes())
                .put("maxUploadText", Sizes.text(storage.maxUploadBytes(), page.locale()))
                .put("draft", VersionStatus.DRAFT);
        page.values().putIfAbsent("versionForm", Map.of("version", "", "changelog", ""));
        done(page, request);
        pages.render("research", page, request, response);
    }

    private void createVersion(
            Caller caller,
            ModelRef ref,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String version = trimmed(request.getParameter("version"));
        String changelog = trimmed(request.getParameter("changelog"));
        String error = null;
        if (version == null) {
            error = "research.error.required";
        } else {
            try {
                versions.create(caller.actor(), ref, new ModelVersionCreate(version, changelog));
                redirect(request, response, ref.name(), "versionCreated", version);
                return;
            } catch (ConflictException e) {
                error = "research.error.versionExists";
            } catch (InvalidRequestException e) {
                error = "research.error.version";
            }
        }
        page.status(HttpServletResponse.SC_BAD_REQUEST)
                .put("versionError", error)
                .put(
                        "versionForm",
                        Map.of(
                                "version",
                                version == null ? "" : version,
                                "changelog",
                                changelog == null ? "" : changelog));
        modelPage(caller, ref, page, request, response);
    }

    /** The form upload without JavaScript: the part is streamed into the registry's intake. */
    private void upload(
            Caller caller,
            ModelRef ref,
            String version,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        Part part = request.getPart("artifact");
        String error;
        String detail = null;
        int status;
        if (part == null || part.getSize() == 0) {
            error = "research.error.noFile";
            status = HttpServletResponse.SC_BAD_REQUEST;
        } else {
            try (InputStream in = part.getInputStream()) {
                intake.upload(caller.actor(), ref, version, part.getSize(), in);
                redirect(request, response, ref.name(), "uploaded", version);
                return;
            } catch (PayloadTooLargeException e) {
                error = "research.error.tooLarge";
                status = 413;
            } catch (InvalidArtifactException e) {
                error = "research.error.inspection";
                detail = e.getMessage();
                status = HttpServletResponse.SC_BAD_REQUEST;
            } catch (ConflictException | InvalidRequestException e) {
                error = "research.error.notDraft";
                detail = e.getMessage();
                status = HttpServletResponse.SC_CONFLICT;
            } finally {
                part.delete();
            }
        }
        page.status(status)
                .put("uploadError", error)
                .put("uploadDetail", detail)
                .put("uploadVersion", version);
        modelPage(caller, ref, page, request, response);
    }

    private void saveCard(
            Caller caller,
            ModelRef ref,
            String version,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Map<CardSection, LocalizedText> sections = new EnumMap<>(CardSection.class);
        for (CardSection s : CardSection.values()) {
            sections.put(
                    s,
                    new LocalizedText(
                            request.getParameter(field(s, "de")),
                            request.getParameter(field(s, "en"))));
        }
        // the form again with what was typed: after an error and for the preview
        PageAction again =
                () ->
                        cardPage(
                                caller,
                                ref,
                                version,
                                fields(sections, page.locale().getLanguage()),
                                page,
                                request,
                                response);
        ModelCard card;
        try {
            card = ModelCard.of(sections);
        } catch (InvalidRequestException e) {
            page.status(HttpServletResponse.SC_BAD_REQUEST)
                    .put("cardError", "research.error.cardTooLong");
            again.show();
            return;
        }
        if ("preview".equals(request.getParameter("action"))) {
            // the preview goes through the same sanitiser as the published card
            page.put("previewDe", CardHtml.fragment(ref.toString(), version, card, null, "de"));
            page.put("previewEn", CardHtml.fragment(ref.toString(), version, card, null, "en"));
            again.show();
            return;
        }
        try {
            documents.update(caller.actor(), ref, version, card);
        } catch (ConflictException | InvalidRequestException e) {
            LOG.log(Level.FINE, "card not saved", e);
            page.status(HttpServletResponse.SC_CONFLICT)
                    .put("cardError", "research.error.notDraft");
            again.show();
            return;
        }
        redirect(request, response, ref.name(), "cardSaved", version);
    }

    /** Renders a page; may fail writing the response. */
    @FunctionalInterface
    private interface PageAction {
        void show() throws IOException;
    }

    private void cardPage(
            Caller caller,
            ModelRef ref,
            String version,
            List<CardField> fields,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ModelVersion v = versions.get(caller.actor(), ref, version);
        page.put("mode", "card")
                .put("modelName", ref.name())
                .put("modelRef", ref.toString())
                .put("version", v.version())
                .put("editable", v.status() == VersionStatus.DRAFT)
                .put("modelBase", PATH + "/" + QueryParameters.encode(ref.name()))
                .put("cardFields", fields);
        pages.render("research", page, request, response);
    }

    private void submit(
            Caller caller,
            ModelRef ref,
            String version,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        try {
            versions.transition(caller.actor(), ref, version, VersionAction.SUBMIT, null);
        } catch (ConflictException | InvalidRequestException e) {
            page.status(HttpServletResponse.SC_CONFLICT)
                    .put("submitError", "research.error.submit")
                    .put("submitDetail", e.getMessage())
                    .put("uploadVersion", version);
            modelPage(caller, ref, page, request, response);
            return;
        }
        redirect(request, response, ref.name(), "submitted", version);
    }

    static List<CardField> fields(Map<CardSection, LocalizedText> sections, String language) {
        List<CardField> fields = new ArrayList<>();
        for (CardSection s : CardSection.values()) {
            LocalizedText t = sections.get(s);
            fields.add(
                    new CardField(
                            key(s),
                            s.title(language),
                            t == null || t.de() == null ? "" : t.de(),
                            t == null || t.en() == null ? "" : t.en()));
        }
        return fields;
    }

    static String key(CardSection section) {
        return section.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String field(CardSection section, String language) {
        return "card-" + key(section) + "-" + language;
    }

    private static void done(PageModel page, HttpServletRequest request) {
        String done = request.getParameter("done");
        if (done != null
                && List.of("created", "versionCreated", "uploaded", "cardSaved", "submitted")
                        .contains(done)) {
            page.put("done", "research.done." + done);
            page.put("doneVersion", request.getParameter("version"));
        }
    }

    /** Post/redirect/get to the model's research page, with a status message. */
    private static void redirect(
            HttpServletRequest request,
            HttpServletResponse response,
            String model,
            String done,
            String version)
            throws IOException {
        QueryParameters q = QueryParameters.EMPTY.with("done", done);
        if (version != null) {
            q = q.with("version", version);
        }
        response.sendRedirect(
                q.link(request.getContextPath() + PATH + "/" + QueryParameters.encode(model)));
    }

    /** The path below {@code /forschung}, split; {} for the list. */
    static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        String[] parts = info.substring(1).split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                return new String[] {"", "", "", ""};
            }
        }
        return parts;
    }

    private static ModelRef ref(TenantId tenant, String name) {
        try {
            return new ModelRef(tenant, name);
        } catch (HubException | IllegalArgumentException e) {
            throw new NotFoundException("no such model");
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
