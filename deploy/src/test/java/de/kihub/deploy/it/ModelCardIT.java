package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.absent;
import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Model cards through the API: every change of a draft's card is a revision that can be listed,
 * read and compared; the card renders to sanitised HTML; another tenant's private card answers 404;
 * the hub's evaluations appear beside the authors' quantitative analyses for those who may see
 * them, also in the Hugging Face export.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModelCardIT {
    static final String COUNTER = "kihub/people-counter";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    Registry registry;
    String rita;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        registry = new Registry(base);
        rita = token("rita.researcher");
    }

    @Test
    void editsBecomeRevisionsThatCompareAndRenderSafely() {
        String name = Registry.unique("card");
        String model = "w-hs/" + name;
        assertEquals(201, registry.createModel(rita, name, "PRIVATE").statusCode());
        assertEquals(201, registry.createVersion(rita, model, "1.0.0").statusCode());
        String card = "api/v1/models/" + model + "/versions/1.0.0/card";

        JsonObject first =
                put(
                        card,
                        "{\"sections\":{\"INTENDED_USE\":{\"de\":\"Zählt **Besucher** am Stadion."
                                + " <script>alert(1)</script>\",\"en\":\"Counts *visitors* at the"
                                + " stadium. <img src=x onerror=alert(1)>"
                                + " [docs](https://example.org/doku) [x](javascript:alert(1))\"}}}");
        assertEquals(1, first.getInt("revision"));
        assertEquals(1.0 / 9, first.getJsonNumber("completeness").doubleValue(), 1e-9);
        JsonObject second =
                put(
                        card,
                        "{\"sections\":{\"INTENDED_USE\":{\"de\":\"Zählt **Besucher** am Stadion."
                                + " <script>alert(1)</script>\",\"en\":\"Counts *visitors* leaving"
                                + " the stadium. <img src=x onerror=alert(1)>"
                                + " [docs](https://example.org/doku) [x](javascript:alert(1))\"},"
                                + "\"FACTORS\":{\"de\":\"Licht, Perspektive und Gedränge.\"}}}");
        assertEquals(2, second.getInt("revision"));
        JsonObject detail = second.getJsonObject("completenessDetail");
        assertEquals(
                2.0 / 9, detail.getJsonObject("de").getJsonNumber("score").doubleValue(), 1e-9);
        assertTrue(names(detail.getJsonObject("en").getJsonArray("missing")).contains("FACTORS"));
        // saving the same text again is no new revision
        assertEquals(
                2,
                put(
                                card,
                                "{\"sections\":{\"FACTORS\":{\"de\":\"Licht, Perspektive und Gedränge.\"}}}")
                        .getInt("revision"));

        JsonArray history = json200(card + "/history", rita).asJsonArray();
        assertEquals(2, history.size(), history.toString());
        JsonObject newest = history.getJsonObject(0);
        assertEquals(2, newest.getInt("revision"));
        assertEquals("rita.researcher", newest.getString("author"));
        assertEquals(
                List.of("INTENDED_USE", "FACTORS"), names(newest.getJsonArray("changedSections")));
        JsonObject one = json200(card + "/history/1", rita).asJsonObject();
        assertTrue(
                one.getJsonObject("sections")
                        .getJsonObject("INTENDED_USE")
                        .getString("en")
                        .contains("at the stadium"));
        assertTrue(absent(one.getJsonObject("sections"), "FACTORS"));

        JsonObject compared = json200(card + "/compare?from=1&to=2", rita).asJsonObject();
        assertEquals(
                List.of("INTENDED_USE", "FACTORS"),
                names(compared.getJsonArray("changedSections")));
        JsonObject use = compared.getJsonArray("changes").getJsonObject(0);
        assertEquals("en", use.getString("language"), "the German text did not change");
        assertEquals("CHANGED", use.getString("kind"));
        List<String> diff = names(use.getJsonArray("diff"));
        assertTrue(diff.stream().anyMatch(l -> l.startsWith("-") && l.contains("at the stadium")));
        assertTrue(
                diff.stream()
                        .anyMatch(l -> l.startsWith("+") && l.contains("leaving the stadium")));
        assertEquals(
                compared, json200(card + "/compare", rita).asJsonObject(), "default: last two");

        HttpResponse<String> html = get(base, card + "?format=html&lang=en", rita);
        assertEquals(200, html.statusCode(), html.body());
        assertEquals(
                "text/html", html.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(
                "default-src 'none'",
                html.headers().firstValue("Content-Security-Policy").orElse(""));
        String page = html.body();
        assertTrue(page.contains("<h2>Intended Use</h2>"), page);
        assertTrue(page.contains("<em>visitors</em>"), page);
        assertTrue(
                page.contains(
                        "<a href=\"https://example.org/doku\" rel=\"nofollow noopener\">docs</a>"),
                page);
        String lower = page.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), page);
        assertFalse(lower.contains("<img"), page);
        assertFalse(lower.contains("javascript:"), page);
        assertFalse(lower.contains("onerror="), page);
        assertTrue(
                get(base, card + "?format=html", rita)
                        .body()
                        .contains("<h2>Einflussfaktoren</h2>"));

        // a new version starts from this card; the copy is its first revision
        assertEquals(201, registry.createVersion(rita, model, "1.1.0").statusCode());
        JsonObject copied =
                json200("api/v1/models/" + model + "/versions/1.1.0/card/history", rita)
                        .asJsonArray()
                        .getJsonObject(0);
        assertEquals("copied from 1.0.0", copied.getString("note"));

        // another tenant learns nothing, not even that the card exists
        String gina = token("gina.admin");
        for (String path :
                List.of(
                        card,
                        card + "?format=html",
                        card + "?format=model-card",
                        card + "/history",
                        card + "/history/1",
                        card + "/compare")) {
            assertProblem(get(base, path, gina), 404);
            assertProblem(get(base, path, null), 404);
        }
        assertProblem(registry.json(gina, "PUT", card, "{\"sections\":{}}"), 404);
        assertProblem(get(base, card + "?format=pdf", rita), 400);
        assertProblem(get(base, card + "?format=html&lang=fr", rita), 400);
        assertProblem(get(base, card + "/history/zwei", rita), 400);
        assertProblem(get(base, card + "/history/9", rita), 404);
        String audit =
                get(base, "api/v1/audit?tenant=w-hs&limit=200", token("carla.curator")).body();
        assertTrue(audit.contains("revision 2; sections [INTENDED_USE, FACTORS]"), audit);
    }

    @Test
    void theHubsEvaluationsFillTheQuantitativeAnalysesForThoseWhoMaySeeThem() throws Exception {
        Datasets datasets = new Datasets(base);
        String open = datasets.create(rita, "COUNTS_CSV", "people-counting", "PUBLIC");
        datasets.upload(rita, open, Datasets.zip(Datasets.controls()));
        HttpResponse<String> approved =
                datasets.json(
                        token("carla.curator"),
                        "POST",
                        "api/v1/datasets/" + open + "/approve",
                        "{\"comment\":\"Kontrollbilder\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        String closed = datasets.create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        datasets.upload(rita, closed, Datasets.zip(Datasets.controls()));
        evaluate(datasets, open);
        evaluate(datasets, closed);
        String card = "api/v1/models/" + COUNTER + "/versions/1.0.0/card";

        JsonObject anonymous = json200(card, null).asJsonObject();
        List<String> seen = datasets(anonymous);
        assertTrue(seen.contains(open), seen.toString());
        assertFalse(seen.contains(closed), "a tenant's result stays in the tenant: " + seen);
        assertFalse(datasets(json200(card, token("gina.admin")).asJsonObject()).contains(closed));
        JsonObject own = json200(card, rita).asJsonObject();
        assertTrue(datasets(own).contains(closed), "rita's tenant sees its own result");
        JsonObject generated = anonymous.getJsonObject("generated");
        assertEquals("QUANTITATIVE_ANALYSES", generated.getString("section"));
        JsonObject result =
                generated.getJsonArray("results").stream()
                        .map(JsonObject.class::cast)
                        .filter(r -> r.getString("dataset").equals(open))
                        .findFirst()
                        .orElseThrow();
        assertEquals(0.0, result.getJsonObject("metrics").getJsonNumber("mae").doubleValue(), 1e-9);
        assertEquals("public", result.getString("visibility"));
        assertTrue(
                generated
                        .getJsonObject("markdown")
                        .getString("en")
                        .startsWith("_Generated automatically"));
        // the authors' text stays as they wrote it
        assertTrue(
                anonymous
                        .getJsonObject("sections")
                        .getJsonObject("QUANTITATIVE_ANALYSES")
                        .getString("en")
                        .startsWith("Measured by the hub on PETS09-S2L1"));
        assertEquals(1.0, anonymous.getJsonNumber("completeness").doubleValue(), 1e-9);

        String page = get(base, card + "?format=html&lang=en", null).body();
        assertTrue(page.contains("<aside class=\"card-generated\" data-generated=\"true\">"), page);
        assertTrue(page.contains(open), page);
        assertFalse(page.contains(closed), page);

        HttpResponse<String> exported = get(base, card + "?format=model-card", null);
        assertEquals(200, exported.statusCode(), exported.body());
        assertEquals(
                "text/markdown",
                exported.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String md = exported.body();
        assertTrue(md.startsWith("---\nlicense: \"apache-2.0\"\n"), md);
        assertTrue(md.contains("\npipeline_tag: \"object-detection\"\n"), md);
        assertTrue(md.contains("\nlibrary_name: \"onnx\"\n"), md);
        assertTrue(md.contains("\nmodel-index:\n- name: \"kihub/people-counter\"\n"), md);
        assertTrue(md.contains("      type: \"" + open + "\"\n"), md);
        assertFalse(md.contains(closed), md);
        assertTrue(md.contains("\n## Intended Use\n"), md);
        assertTrue(md.contains("\n## Vorgesehene Verwendung\n"), md);
        System.out.printf(
                Locale.ROOT,
                "ModelCardIT: %s, median of 20 anonymous reads: json %.1f ms, html %.1f ms,"
                        + " model-card %.1f ms (%d results shown, export %d characters)%n",
                COUNTER,
                medianMillis(card),
                medianMillis(card + "?format=html&lang=en"),
                medianMillis(card + "?format=model-card"),
                generated.getJsonArray("results").size(),
                md.length());
    }

    /** What reading a card costs on this machine (printed for the record, not asserted). */
    private double medianMillis(String path) {
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            assertEquals(200, get(base, path, null).statusCode());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return (ms[9] + ms[10]) / 2;
    }

    private void evaluate(Datasets datasets, String dataset) throws InterruptedException {
        HttpResponse<String> started =
                datasets.json(
                        rita,
                        "POST",
                        "api/v1/evaluations",
                        "{\"model\":\""
                                + COUNTER
                                + "\",\"version\":\"1.0.0\",\"dataset\":\""
                                + dataset
                                + "\",\"configuration\":{\"scoreThreshold\":0.45}}");
        assertEquals(202, started.statusCode(), started.body());
        String id = json(started.body()).getString("id");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            JsonObject e = json200("api/v1/evaluations/" + id, rita).asJsonObject();
            String status = e.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                assertEquals("SUCCEEDED", status, e.toString());
                return;
            }
            assertTrue(System.nanoTime() < deadline, "still " + status + " after 5 minutes");
            Thread.sleep(300);
        }
    }

    private JsonObject put(String card, String body) {
        HttpResponse<String> r = registry.json(rita, "PUT", card, body);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private jakarta.json.JsonStructure json200(String path, String token) {
        HttpResponse<String> r = get(base, path, token);
        assertEquals(200, r.statusCode(), r.body());
        return Hub.parse(r.body());
    }

    private static List<String> datasets(JsonObject card) {
        return card.getJsonObject("generated").getJsonArray("results").stream()
                .map(JsonObject.class::cast)
                .map(r -> r.getString("dataset"))
                .toList();
    }

    private static List<String> names(JsonArray array) {
        return array.stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
