package de.kihub.portal.web;

import static de.kihub.portal.web.PageTemplatesTest.page;
import static de.kihub.portal.web.PageTemplatesTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.portal.security.Caller;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.TensorDescription;
import de.kihub.registry.version.VersionStatus;
import de.kihub.services.documentation.CardHtml;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model page's new parts, "Try it" and the researchers' pages, rendered without a server. */
class ModelPagesTemplatesTest {
    static final Caller RITA =
            Caller.person(
                    "rita.researcher",
                    TenantId.of("w-hs"),
                    List.of(TenantId.of("w-hs")),
                    Set.of("publisher", "member"));

    /** What the model page needs besides the catalog entry, all empty. */
    static void emptyDetails(PageModel page) {
        page.put("card", null)
                .put("artifacts", List.of())
                .put("evaluations", List.of())
                .put("activeTenants", 0)
                .put("users", List.of())
                .put("tryItVersion", null)
                .put("tryItAction", "/katalog/kihub/people-counter/ausprobieren");
    }

    static Model model(String task, Visibility visibility) {
        return new Model(
                "kihub/people-counter",
                "kihub",
                "people-counter",
                new LocalizedText("Personenzählung", "People counting"),
                null,
                task,
                "Mobilität",
                "MIT",
                null,
                null,
                List.of(),
                visibility,
                null,
                List.of(),
                Instant.EPOCH,
                Instant.EPOCH);
    }

    static ModelVersion version(VersionStatus status, ArtifactInfo artifact) {
        return new ModelVersion(
                "kihub/people-counter",
                "1.0.0",
                status,
                null,
                null,
                null,
                Instant.EPOCH,
                null,
                Instant.EPOCH,
                artifact,
                List.of());
    }

    static final ArtifactInfo ONNX =
            new ArtifactInfo(
                    "ab".repeat(32),
                    de.kihub.registry.artifact.ArtifactFormat.ONNX,
                    2_500_000,
                    "OnnxRuntime",
                    List.of(new TensorDescription("images", "float32", List.of(1L, 3L, -1L, -1L))),
                    List.of(new TensorDescription("boxes", "float32", List.of(1L, -1L, 4L))),
                    Instant.EPOCH);

    @Test
    void modelPageShowsTheSanitisedCardFilesEvaluationsAndUsage() {
        Model model = model("people-counting", Visibility.PUBLIC);
        ModelVersion v = version(VersionStatus.PUBLISHED, ONNX);
        PageModel page = page(Locale.GERMAN, RITA, "/katalog/kihub/people-counter", null);
        page.put("csrfToken", "token-1");
        page.put("model", ModelPage.of(model, List.of(v), Locale.GERMAN));
        emptyDetails(page);
        ModelCard card =
                ModelCard.of(
                        Map.of(
                                CardSection.MODEL_DETAILS,
                                new LocalizedText(
                                        "Zählt **Personen** <script>alert(1)</script>"
                                                + " <img src=x onerror=alert(2)>",
                                        null)));
        String fragment = CardHtml.fragment("kihub/people-counter", "1.0.0", card, null, "de");
        page.put(
                "card",
                new ModelDetails.Card(
                        "1.0.0",
                        fragment,
                        6,
                        List.of("Metriken"),
                        List.of("Model Details"),
                        1,
                        List.of(new ModelDetails.Export("modelCard", "/api/x?format=model-card"))));
        page.put(
                "artifacts",
                ModelDetails.artifacts(ModelPagesTemplatesTest.ref(), List.of(v), Locale.GERMAN));
        page.put(
                "evaluations",
                List.of(
                        new ModelDetails.EvaluationRow(
                                "1.0.0",
                                "kihub/pets",
                                "1. Januar 2026",
                                List.of(new ModelDetails.Metric("mae", "MAE", "0,500")),
                                1,
                                "MAE")));
        page.put("activeTenants", 3);
        page.put("tryItVersion", "1.0.0");
        String html = render("model", page);
        assertTrue(html.contains("<strong>Personen</strong>"), html);
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img src"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)"), html);
        assertTrue(html.contains("Vollständigkeit: 6 %"), html);
        assertTrue(html.contains("ab".repeat(32)), html);
        assertTrue(
                html.contains(
                        "href=\"/api/v1/models/kihub/people-counter/versions/1.0.0/artifact\""),
                html);
        assertTrue(html.contains("2,4 MiB"), html);
        assertTrue(html.contains("Platz 1 (nach MAE)"), html);
        assertTrue(html.contains("genutzt von 3 Kommunen"), html);
        assertTrue(html.contains("enctype=\"multipart/form-data\""), html);
        assertTrue(html.contains("accept=\"image/jpeg,image/png\""), html);
        assertTrue(html.contains("name=\"csrf\" value=\"token-1\""), html);
        assertEquals(-1, html.indexOf("??"), "no missing message: " + html);
    }

    @Test
    void anonymousVisitorsAreAskedToSignInToTryIt() {
        PageModel page =
                page(Locale.ENGLISH, Caller.ANONYMOUS, "/katalog/kihub/people-counter", null);
        page.put(
                "model",
                ModelPage.of(
                        model("people-counting", Visibility.PUBLIC), List.of(), Locale.ENGLISH));
        emptyDetails(page);
        page.put("tryItVersion", "1.0.0");
        String html = render("model", page);
        assertTrue(html.contains("id=\"try-sign-in\""), html);
        assertFalse(html.contains("multipart/form-data"), html);
        assertTrue(html.contains("not used by any municipality yet"), html);
        assertEquals(-1, html.indexOf("??"), "no missing message: " + html);
    }

    @Test
    void tryItAnswerShowsTheDrawnImageAndTheCount() {
        PageModel page =
                page(Locale.GERMAN, RITA, "/katalog/kihub/people-counter/ausprobieren", null);
        page.put("result", new TryIt.Result(2, "data:image/png;base64,AAAA", "b.png"))
                .put("modelRef", "kihub/people-counter")
                .put("modelHref", "/katalog/kihub/people-counter")
                .put("version", "1.0.0")
                .put("tryItAction", "/katalog/kihub/people-counter/ausprobieren");
        String html = render("tryit", page);
        assertTrue(html.contains("src=\"data:image/png;base64,AAAA\""), html);
        assertTrue(html.contains("Version 1.0.0 hat 2 Personen gefunden."), html);
        assertEquals(-1, html.indexOf("??"), "no missing message: " + html);
    }

    @Test
    void newModelFormShowsEachErrorBesideItsField() {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            PageModel page = page(locale, RITA, "/forschung/neu", null).section("research");
            ModelForm form = ModelForm.read(Map.of("name", "Bad Name", "task", "x")::get);
            page.put("mode", "new")
                    .put("form", form)
                    .put("tasks", List.of("people-counting"))
                    .put("domains", List.of("Umwelt"));
            String html = render("research", page);
            assertTrue(html.contains("id=\"e-name\""), html);
            assertTrue(html.contains("aria-describedby=\"h-name e-name\""), html);
            assertTrue(html.contains("id=\"e-task\""), html);
            assertTrue(html.contains("id=\"nav-research\""), html);
            assertEquals(-1, html.indexOf("??"), "no missing message: " + html);
        }
    }

    @Test
    void versionsPageShowsTheInspectionAndTheUploadForm() {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            PageModel page = page(locale, RITA, "/forschung/people-counter", null);
            page.put("mode", "model")
                    .put("modelName", "people-counter")
                    .put("modelRef", "w-hs/people-counter")
                    .put("displayName", "Zähler")
                    .put("visibility", "PRIVATE")
                    .put("requestedVisibility", "PUBLIC")
                    .put("catalogHref", "/katalog/w-hs/people-counter")
                    .put("modelBase", "/forschung/people-counter")
                    .put("apiBase", "/api/v1/models/w-hs/people-counter")
                    .put("versions", List.of(version(VersionStatus.DRAFT, ONNX)))
                    .put("maxUpload", 100L)
                    .put("maxUploadText", "100 B")
                    .put("draft", VersionStatus.DRAFT)
                    .put("versionForm", Map.of("version", "", "changelog", ""))
                    .put("uploadError", "research.error.inspection")
                    .put("uploadDetail", "Not an ONNX model")
                    .put("uploadVersion", "1.0.0");
            String html = render("research", page);
            assertTrue(html.contains(">ONNX<"), html);
            assertTrue(html.contains(">images<"), html);
            assertTrue(html.contains("[1, 3, -1, -1]"), html);
            assertTrue(
                    html.contains(
                            "data-upload-url=\"/api/v1/models/w-hs/people-counter/versions/1.0.0/artifact\""),
                    html);
            assertTrue(
                    html.contains(
                            "data-done-url=\"/forschung/people-counter?done=uploaded&amp;version=1.0.0\""),
                    html);
            assertTrue(html.contains("Not an ONNX model"), html);
            assertTrue(html.contains("/static/artifact-upload.js"), html);
            assertEquals(-1, html.indexOf("??"), "no missing message: " + html);
        }
    }

    @Test
    void cardEditorHasATextareaPerSectionAndLanguage() {
        PageModel page = page(Locale.GERMAN, RITA, "/forschung/x/1.0.0/karte", null);
        page.put("mode", "card")
                .put("modelName", "x")
                .put("modelRef", "w-hs/x")
                .put("version", "1.0.0")
                .put("editable", true)
                .put("modelBase", "/forschung/x")
                .put("previewDe", "<article>ok</article>")
                .put(
                        "cardFields",
                        ResearchServlet.fields(
                                Map.of(CardSection.METRICS, new LocalizedText("<b>x</b>", null)),
                                "de"));
        String html = render("research", page);
        assertEquals(18, html.split("<textarea", -1).length - 1, html);
        assertTrue(html.contains("name=\"card-metrics-de\""), html);
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;</textarea>"), html);
        assertTrue(html.contains("<article>ok</article>"), html);
        assertEquals(-1, html.indexOf("??"), "no missing message: " + html);
    }

    static de.kihub.registry.model.ModelRef ref() {
        return de.kihub.registry.model.ModelRef.of("kihub", "people-counter");
    }
}
