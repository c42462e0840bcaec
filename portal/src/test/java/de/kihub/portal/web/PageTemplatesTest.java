package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.portal.security.Caller;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Maturity;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.RiskClass;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.search.CatalogHit;
import de.kihub.registry.search.CatalogResult;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The page templates rendered without a server (links without a context path): messages in both
 * languages, escaping of everything a user or publisher wrote, the shared layout.
 */
class PageTemplatesTest {
    static final TemplateEngine ENGINE = engine();

    static TemplateEngine engine() {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix("src/main/webapp/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new SharedMessageResolver());
        engine.setLinkBuilder(
                new StandardLinkBuilder() {
                    @Override
                    protected String computeContextPath(
                            IExpressionContext context,
                            String base,
                            Map<String, Object> parameters) {
                        return "";
                    }
                });
        return engine;
    }

    static String render(String template, PageModel page) {
        return ENGINE.process(template, new Context(page.locale(), page.values()));
    }

    static PageModel page(Locale locale, Caller caller, String path, String query) {
        return PageModel.start(locale, "", caller, path, query);
    }

    static final Caller MIA =
            Caller.person(
                    "mia.member",
                    TenantId.of("bochum"),
                    List.of(TenantId.of("bochum")),
                    Set.of("member"));

    static CatalogHit hit(String description, String highlight) {
        return new CatalogHit(
                "kihub/people-counter",
                "kihub",
                "people-counter",
                new LocalizedText("Personenzählung <b>(NanoDet-m)</b>", "People counting"),
                new LocalizedText(description, "Counts people."),
                "people-counting",
                "Sicherheit & Ordnung",
                "Apache-2.0",
                List.of("personen"),
                "PUBLIC",
                Instant.EPOCH,
                "MINIMAL",
                "PILOT",
                "1.0.0",
                "ONNX",
                2,
                highlight);
    }

    static String catalog(Locale locale, Caller caller, String query, CatalogResult result) {
        PageModel page = page(locale, caller, "/katalog", query).section("catalog");
        CatalogParameters p = CatalogParameters.of(QueryParameters.parse(query));
        page.put("text", p.text());
        page.put("view", CatalogView.of(p, p.query(), result, locale));
        return render("catalog", page);
    }

    @Test
    void homePageKeepsWhatTheHomePageTestExpects() {
        String de = render("home", page(Locale.GERMAN, Caller.ANONYMOUS, "/", null));
        assertTrue(de.contains("<html lang=\"de\">"), de);
        assertTrue(de.contains("href=\"/?lang=en\""), de);
        assertTrue(de.contains(">Anmelden<"), de);
        assertTrue(de.contains("<title>KI-Hub – KI für alle Kommunen</title>"), de);
        assertTrue(de.contains("action=\"/katalog\""), "a search form: " + de);
        String en = render("home", page(Locale.ENGLISH, MIA, "/", "lang=en"));
        assertTrue(en.contains("<html lang=\"en\">"), en);
        assertTrue(en.contains("href=\"/?lang=de\""), en);
        assertTrue(en.contains("id=\"user\">mia.member<"), en);
        assertTrue(en.contains(">Sign out<"), en);
    }

    @Test
    void catalogShowsCardsFacetsAndSortWithEscapedTexts() {
        String html =
                catalog(
                        Locale.GERMAN,
                        Caller.ANONYMOUS,
                        "q=Personenz%C3%A4hlung&sort=reuse",
                        new CatalogResult(
                                1,
                                List.of(
                                        hit(
                                                "x",
                                                "Zählt <mark>Personen</mark> &lt;script&gt;alert(1)&lt;/script&gt;")),
                                Map.of(
                                        "task", Map.of("people-counting", 1L),
                                        "domain", Map.of("Sicherheit & Ordnung", 1L),
                                        "riskClass", Map.of("MINIMAL", 1L))));
        assertTrue(
                html.contains(
                        "<title>Suche nach „Personenzählung“ im Modellkatalog – KI-Hub</title>"),
                html);
        assertTrue(html.contains("1 Modell gefunden"), html);
        assertTrue(html.contains("href=\"/katalog/kihub/people-counter\""), html);
        assertTrue(
                html.contains("Personenzählung &lt;b&gt;(NanoDet-m)&lt;/b&gt;"),
                "display name escaped: " + html);
        assertTrue(
                html.contains("Zählt <mark>Personen</mark> &lt;script&gt;alert(1)&lt;/script&gt;"),
                html);
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("genutzt von 2 Kommunen"), html);
        assertTrue(html.contains("minimales Risiko"), html);
        assertTrue(html.contains(">Personenzählung</span>"), "task label in the facet: " + html);
        assertTrue(
                html.contains(
                        "href=\"/katalog?q=Personenz%C3%A4hlung&amp;task=people-counting&amp;sort=reuse\""),
                html);
        assertTrue(html.contains("href=\"/katalog?q=Personenz%C3%A4hlung&amp;sort=newest\""), html);
        assertTrue(html.contains("id=\"sort-reuse\" aria-current=\"true\""), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"sort\" value=\"reuse\">"), html);
        assertTrue(
                html.contains(
                        "href=\"/katalog?q=Personenz%C3%A4hlung&amp;sort=reuse&amp;lang=en\""),
                html);
        assertTrue(html.contains("aria-current=\"page\">Katalog<"), html);
    }

    @Test
    void catalogInEnglishTranslatesTheVocabulary() {
        String html =
                catalog(
                        Locale.ENGLISH,
                        MIA,
                        "q=people&lang=en",
                        new CatalogResult(
                                1,
                                List.of(hit("x", null)),
                                Map.of("domain", Map.of("Sicherheit & Ordnung", 1L))));
        assertTrue(html.contains("<html lang=\"en\">"), html);
        assertTrue(html.contains("1 model found"), html);
        assertTrue(html.contains("Safety &amp; public order"), html);
        assertTrue(html.contains("used by 2 municipalities"), html);
        assertTrue(html.contains("minimal risk"), html);
        assertTrue(html.contains("Counts people."), "the English description: " + html);
        assertTrue(html.contains("Signed in as mia.member"), html);
        assertTrue(html.contains("href=\"/katalog?q=people&amp;lang=de\""), html);
    }

    @Test
    void emptyResultIsAFriendlyPage() {
        String html =
                catalog(
                        Locale.GERMAN,
                        Caller.ANONYMOUS,
                        "q=nichtsdergleichen&task=x",
                        new CatalogResult(0, List.of(), Map.of()));
        assertTrue(html.contains("Keine Modelle gefunden"), html);
        assertTrue(html.contains("Prüfen Sie die Schreibweise"), html);
        assertTrue(html.contains("href=\"/katalog?q=nichtsdergleichen\">Ohne Filter suchen"), html);
        assertFalse(html.contains("class=\"paging\""), html);
    }

    @Test
    void rejectedParametersAreNamed() {
        PageModel page =
                page(Locale.GERMAN, Caller.ANONYMOUS, "/katalog", "q=x&sort=popular&page=0");
        page.put("text", "x")
                .put(
                        "invalid",
                        List.of(
                                new CatalogServlet.Invalid("sort", "popular"),
                                new CatalogServlet.Invalid("page", "0")))
                .put("withoutInvalid", "/katalog?q=x")
                .put("hidden", List.of());
        String html = render("catalog", page);
        assertTrue(
                html.contains(
                        "<title>Ungültige Suche – Suche nach „x“ im Modellkatalog – KI-Hub</title>"),
                html);
        assertTrue(html.contains("Die Sortierung „popular“ gibt es nicht"), html);
        assertTrue(html.contains("Die Seitenangabe „0“ ist keine Seitenzahl ab 1."), html);
        assertTrue(html.contains("href=\"/katalog?q=x\">Ohne diese Angaben suchen"), html);
    }

    @Test
    void modelPageListsVersionsWithStatus() {
        Model model =
                new Model(
                        "kihub/people-counter",
                        "kihub",
                        "people-counter",
                        new LocalizedText("Personenzählung", "People counting"),
                        new LocalizedText("Zählt <Personen>.", "Counts people."),
                        "people-counting",
                        "Mobilität",
                        "Apache-2.0",
                        RiskClass.MINIMAL,
                        Maturity.PILOT,
                        List.of("personen", "zählung"),
                        Visibility.PUBLIC,
                        null,
                        List.of(),
                        Instant.EPOCH,
                        Instant.EPOCH);
        ModelVersion v =
                new ModelVersion(
                        "kihub/people-counter",
                        "1.0.0",
                        VersionStatus.PUBLISHED,
                        "erste Version",
                        null,
                        "carla.curator",
                        Instant.parse("2026-01-01T10:00:00Z"),
                        null,
                        Instant.parse("2026-01-02T10:00:00Z"),
                        null,
                        List.of());
        PageModel page =
                page(Locale.GERMAN, Caller.ANONYMOUS, "/katalog/kihub/people-counter", null);
        page.put("model", ModelPage.of(model, List.of(v), Locale.GERMAN));
        ModelPagesTemplatesTest.emptyDetails(page);
        String html = render("model", page);
        assertTrue(html.contains("<h1>Personenzählung</h1>"), html);
        assertTrue(html.contains("Zählt &lt;Personen&gt;."), html);
        assertTrue(html.contains("<th scope=\"row\">1.0.0</th>"), html);
        assertTrue(html.contains(">veröffentlicht<"), html);
        assertTrue(html.contains("datetime=\"2026-01-02T10:00:00Z\">2. Januar 2026<"), html);
        assertTrue(html.contains("href=\"/katalog?owner=kihub\""), html);
        assertTrue(html.contains("Pilotbetrieb"), html);
    }

    @Test
    void errorPageSaysWhatIsMissing() {
        PageModel page = page(Locale.ENGLISH, Caller.ANONYMOUS, "/katalog/x/y", null);
        page.put("model", "x/y").put("status", 404).put("reason", "error.modelNotFound");
        String html = render("error", page);
        assertTrue(html.contains("<title>Not found – KI-Hub</title>"), html);
        assertTrue(html.contains("The model x/y does not exist"), html);
        assertEquals(-1, html.indexOf("??"), "no missing message: " + html);
    }
}
