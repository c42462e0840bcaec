package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.absent;
import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.enc;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import de.kihub.registry.artifact.TestTorchScript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog beyond relevance: AI-Act risk class and format as facets and filters, the latest
 * release's card in the index, highlighted snippets, suggestions as you type, sorting by reuse
 * ("genutzt von N Kommunen") through real deployments, and the search timings in the metrics. Each
 * test makes its own models, found by a word unique to the run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogFeaturesIT {
    static final String FLAGSHIP = "kihub/people-counter";
    static final String GE = "gelsenkirchen";
    static final String BO = "bochum";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    Registry registry;
    String rita;
    String carla;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        registry = new Registry(base);
        rita = token("rita.researcher");
        carla = token("carla.curator");
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A model of w-hs with the given declarations (null: not stated). */
    static JsonObjectBuilder model(
            String name, String de, String en, String descDe, String descEn, String task) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("displayName", Json.createObjectBuilder().add("de", de).add("en", en))
                .add("description", Json.createObjectBuilder().add("de", descDe).add("en", descEn))
                .add("task", task)
                .add("domain", "Mobilität")
                .add("license", "MIT")
                .add("tags", Json.createArrayBuilder().add("test"))
                .add("visibility", "PUBLIC");
    }

    /** Creates the model (rita) and publishes 1.0.0 with the artifact (carla approves). */
    String publish(JsonObjectBuilder model, byte[] artifact) {
        JsonObject m = model.build();
        HttpResponse<String> created = registry.json(rita, "POST", "api/v1/models", m.toString());
        assertEquals(201, created.statusCode(), created::body);
        String ref = "w-hs/" + m.getString("name");
        release(ref, "1.0.0", artifact, null);
        return ref;
    }

    /** Creates a version, writes its card (if given), uploads, submits and approves it. */
    void release(String ref, String version, byte[] artifact, String intendedUseDe) {
        assertEquals(201, registry.createVersion(rita, ref, version).statusCode());
        if (intendedUseDe != null) {
            writeCard(ref, version, intendedUseDe);
        }
        HttpResponse<String> up = registry.upload(rita, ref, version, artifact);
        assertEquals(200, up.statusCode(), up::body);
        assertEquals(200, registry.action(rita, ref, version, "submit", null).statusCode());
        HttpResponse<String> ok = registry.action(carla, ref, version, "approve", "ok");
        assertEquals(200, ok.statusCode(), ok::body);
    }

    void writeCard(String ref, String version, String intendedUseDe) {
        String card =
                Json.createObjectBuilder()
                        .add(
                                "sections",
                                Json.createObjectBuilder()
                                        .add(
                                                "INTENDED_USE",
                                                Json.createObjectBuilder()
                                                        .add("de", intendedUseDe)
                                                        .add("en", "Intended use.")))
                        .build()
                        .toString();
        HttpResponse<String> r =
                registry.json(
                        rita,
                        "PUT",
                        "api/v1/models/" + ref + "/versions/" + version + "/card",
                        card);
        assertEquals(200, r.statusCode(), r::body);
    }

    JsonObject search(String token, String parameters) {
        HttpResponse<String> r = get(base, "api/v1/catalog/models?" + parameters, token);
        assertEquals(200, r.statusCode(), r::body);
        return json(r.body());
    }

    static List<String> models(JsonObject result) {
        return result.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("model"))
                .toList();
    }

    static JsonObject hit(JsonObject result, String model) {
        return result.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("model").equals(model))
                .findFirst()
                .orElseThrow(() -> new AssertionError(model + " not in " + result));
    }

    static long facet(JsonObject result, String facet, String value) {
        JsonObject counts = result.getJsonObject("facets").getJsonObject(facet);
        return counts.containsKey(value) ? counts.getJsonNumber(value).longValue() : 0;
    }

    @Test
    void riskClassAndFormatAreFacetsAndFiltersThatCombineWithOwner() {
        String word = "Facettenprobe" + run;
        String desc = "Erkennt Dinge. " + word;
        String high =
                publish(
                        model(
                                        "hoch-" + run,
                                        "Hochrisiko",
                                        "High risk",
                                        desc,
                                        word,
                                        "object-detection")
                                .add("riskClass", "HIGH")
                                .add("maturity", "experimental"),
                        TestOnnx.identityModel());
        String limited =
                publish(
                        model(
                                        "begrenzt-" + run,
                                        "Begrenzt",
                                        "Limited",
                                        desc,
                                        word,
                                        "object-detection")
                                .add("riskClass", "LIMITED"),
                        TestTorchScript.addOne());
        String unstated =
                publish(
                        model("offen-" + run, "Offen", "Open", desc, word, "object-detection"),
                        TestOnnx.identityModel());
        String hidden =
                publish(
                        model("intern-" + run, "Intern", "Internal", desc, word, "object-detection")
                                .add("riskClass", "HIGH")
                                .add("visibility", "PRIVATE"),
                        TestOnnx.identityModel());

        JsonObject anonymous = search(null, "q=" + enc(word));
        assertEquals(3, anonymous.getInt("total"), anonymous::toString);
        assertEquals(1, facet(anonymous, "riskClass", "HIGH"), "the private model is not counted");
        assertEquals(1, facet(anonymous, "riskClass", "LIMITED"));
        assertEquals(2, facet(anonymous, "format", "ONNX"));
        assertEquals(1, facet(anonymous, "format", "TORCHSCRIPT"));
        assertEquals(3, facet(anonymous, "owner", "w-hs"));
        assertEquals(3, facet(anonymous, "task", "object-detection"));
        JsonObject own = search(rita, "q=" + enc(word));
        assertEquals(4, own.getInt("total"));
        assertEquals(2, facet(own, "riskClass", "HIGH"));
        assertTrue(models(own).contains(hidden));

        JsonObject h = hit(anonymous, high);
        assertEquals("HIGH", h.getString("riskClass"));
        assertEquals("EXPERIMENTAL", h.getString("maturity"));
        assertEquals("1.0.0", h.getString("latestVersion"));
        assertEquals("ONNX", h.getString("format"));
        assertEquals(0, h.getInt("activeTenants"));
        assertTrue(absent(hit(anonymous, unstated), "riskClass"));
        assertEquals("TORCHSCRIPT", hit(anonymous, limited).getString("format"));

        String q = "q=" + enc(word);
        assertEquals(List.of(high), models(search(null, q + "&riskClass=high&format=ONNX")));
        assertEquals(0, search(null, q + "&riskClass=LIMITED&format=onnx").getInt("total"));
        assertEquals(
                List.of(limited),
                models(search(null, q + "&owner=w-hs&format=TORCHSCRIPT&task=object-detection")));
        assertEquals(0, search(null, q + "&owner=kihub").getInt("total"));
        JsonObject filtered = search(null, q + "&format=ONNX");
        assertEquals(2, filtered.getInt("total"));
        assertEquals(2, facet(filtered, "format", "ONNX"));
        assertEquals(0, facet(filtered, "format", "TORCHSCRIPT"), "counts follow the filters");

        JsonObject bad =
                assertProblem(get(base, "api/v1/catalog/models?riskClass=EXTREME", null), 400);
        assertTrue(bad.getString("detail").contains("MINIMAL, LIMITED, HIGH"), bad::toString);
        assertProblem(get(base, "api/v1/catalog/models?format=pickle", null), 400);

        // the model API: declarations are validated, shown, changed and searchable at once
        JsonObject refused =
                assertProblem(
                        registry.json(
                                rita,
                                "POST",
                                "api/v1/models",
                                model("falsch-" + run, "F", "F", "d", "d", "object-detection")
                                        .add("maturity", "BETA")
                                        .build()
                                        .toString()),
                        400);
        assertTrue(
                refused.getString("detail").contains("EXPERIMENTAL, PILOT, PRODUCTION"),
                refused::toString);
        HttpResponse<String> patched =
                registry.json(
                        rita,
                        "PATCH",
                        "api/v1/models/" + unstated,
                        "{\"riskClass\":\"MINIMAL\",\"maturity\":\"PRODUCTION\"}");
        assertEquals(200, patched.statusCode(), patched::body);
        assertEquals("MINIMAL", json(patched.body()).getString("riskClass"));
        assertEquals(
                "PRODUCTION",
                json(get(base, "api/v1/models/" + unstated, null).body()).getString("maturity"));
        assertEquals(List.of(unstated), models(search(null, q + "&riskClass=MINIMAL")));

        JsonObject flagship = json(get(base, "api/v1/models/" + FLAGSHIP, null).body());
        assertEquals("MINIMAL", flagship.getString("riskClass"));
        assertEquals("PILOT", flagship.getString("maturity"));
        JsonObject counter =
                hit(search(null, "size=100&q=" + enc("Personenzählung NanoDet")), FLAGSHIP);
        assertEquals("ONNX", counter.getString("format"));
        assertEquals("1.0.0", counter.getString("latestVersion"));
        assertEquals("MINIMAL", counter.getString("riskClass"));
    }

    @Test
    void snippetsMarkTheMatchAndEscapeTheDescription() {
        String word = "Glatteis" + run;
        String m =
                publish(
                        model(
                                "glatt-" + run,
                                "Glätte-Warnung",
                                "Ice warning",
                                "<script>alert('x')</script> Erkennt " + word + " auf Radwegen.",
                                "Detects ice on cycle paths.",
                                "image-classification"),
                        TestOnnx.identityModel());
        JsonObject h = hit(search(null, "q=" + enc(word)), m);
        String highlight = h.getString("highlight");
        assertTrue(highlight.contains("<mark>" + word + "</mark>"), highlight);
        assertTrue(
                highlight.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), highlight);
        assertFalse(highlight.contains("<script"), highlight);
        // the description itself is returned as stored; only the snippet is HTML
        assertTrue(h.getJsonObject("description").getString("de").startsWith("<script>"));
        assertTrue(absent(hit(search(null, "size=100&sort=newest&owner=w-hs"), m), "highlight"));
    }

    @Test
    void theLatestReleasedCardIsSearchableAndDraftCardsAreNot() {
        String released = "Kartenwort" + run;
        String drafted = "Entwurfswort" + run;
        String m =
                publish(
                        model(
                                "karte-" + run,
                                "Kartenmodell",
                                "Card model",
                                "Ohne das Suchwort.",
                                "Without the word.",
                                "image-classification"),
                        TestOnnx.identityModel());
        assertEquals(0, search(null, "q=" + enc(released)).getInt("total"), "no card yet");

        release(m, "1.1.0", TestOnnx.identityModel(), "Für die " + released + " im Winter.");
        JsonObject found = search(null, "q=" + enc(released));
        assertEquals(List.of(m), models(found));
        JsonObject h = hit(found, m);
        assertEquals("1.1.0", h.getString("latestVersion"));
        assertTrue(
                h.getString("highlight").contains("<mark>" + released + "</mark>"),
                () -> "the card gives the snippet when the description has no match: " + h);

        // a draft's card is not in the catalog until it is released
        assertEquals(201, registry.createVersion(rita, m, "2.0.0").statusCode());
        writeCard(m, "2.0.0", "Neu: " + drafted + ".");
        assertEquals(0, search(carla, "q=" + enc(drafted)).getInt("total"));
        assertEquals(List.of(m), models(search(null, "q=" + enc(released))));
    }

    @Test
    void suggestionsCompleteVisibleNamesAsYouType() {
        JsonObject perso = suggest(null, "Perso");
        assertTrue(
                perso.getJsonArray("suggestions").getValuesAs(JsonObject.class).stream()
                        .anyMatch(
                                s ->
                                        s.getString("model").equals(FLAGSHIP)
                                                && s.getString("text")
                                                        .equals("Personenzählung (NanoDet-m)")),
                perso::toString);
        assertTrue(perso.getJsonArray("suggestions").size() <= 10);
        JsonObject english = suggest(null, "People counting (Nano");
        assertEquals(
                Map.of("text", "People counting (NanoDet-m)", "model", FLAGSHIP),
                first(english),
                english::toString);
        assertEquals(FLAGSHIP, first(suggest(null, "personenzaehlung nanod")).get("model"));

        String secret = "Tarnkappe" + run;
        HttpResponse<String> created =
                registry.json(
                        rita,
                        "POST",
                        "api/v1/models",
                        model(
                                        "tarn-" + run,
                                        secret + " Zählwerk",
                                        secret + " counter",
                                        "d",
                                        "d",
                                        "people-counting")
                                .add("visibility", "PRIVATE")
                                .build()
                                .toString());
        assertEquals(201, created.statusCode(), created::body);
        String typed = secret.substring(0, secret.length() - 2);
        assertEquals(0, suggest(null, typed).getJsonArray("suggestions").size());
        assertEquals(0, suggest(token("mia.member"), typed).getJsonArray("suggestions").size());
        assertEquals("w-hs/tarn-" + run, first(suggest(rita, typed)).get("model"));
        assertEquals(secret + " Zählwerk", first(suggest(carla, typed)).get("text"));

        assertProblem(get(base, "api/v1/catalog/suggest?q=P", null), 400);
        assertProblem(get(base, "api/v1/catalog/suggest?q=%20%20", null), 400);
        assertProblem(get(base, "api/v1/catalog/suggest", null), 400);
        assertProblem(get(base, "api/v1/catalog/suggest?q=" + "x".repeat(101), null), 400);
    }

    JsonObject suggest(String token, String q) {
        HttpResponse<String> r = get(base, "api/v1/catalog/suggest?q=" + enc(q), token);
        assertEquals(200, r.statusCode(), r::body);
        return json(r.body());
    }

    static Map<String, String> first(JsonObject suggestions) {
        JsonObject s = suggestions.getJsonArray("suggestions").getJsonObject(0);
        return Map.of("text", s.getString("text"), "model", s.getString("model"));
    }

    @Test
    void reuseRanksModelsByTheMunicipalitiesThatRunThem() throws Exception {
        String word = "Wiederverwendung" + run;
        byte[] nanodet = download(FLAGSHIP, "1.0.0");
        // "wide" is used by two municipalities; "narrow" by one but matches the text better
        String wide =
                publish(
                        model(
                                "breit-" + run,
                                "Zählung Nord",
                                "Counting north",
                                "Zählt Personen. " + word,
                                "Counts people.",
                                "people-counting"),
                        DeploymentIT.withDocString(nanodet, "wide " + run));
        String narrow =
                publish(
                        model(
                                "schmal-" + run,
                                word,
                                "Counting south",
                                word + " zählt Personen. " + word,
                                "Counts people.",
                                "people-counting"),
                        DeploymentIT.withDocString(nanodet, "narrow " + run));
        KeycloakAdmin.ensureUser("bea.dpo", "dpo", BO);
        Deployer deployer = new Deployer(base);
        String gina = token("gina.admin");
        String dieter = token("dieter.dpo");
        String bernd = token("bernd.deployer");
        String bea = token("bea.dpo");
        List<String[]> started = new ArrayList<>();
        try {
            started.add(activate(deployer, gina, dieter, GE, wide));
            started.add(activate(deployer, bernd, bea, BO, wide));
            started.add(activate(deployer, gina, dieter, GE, narrow));
            // a second deployment in the same municipality does not count twice
            started.add(activate(deployer, gina, dieter, GE, narrow));

            String q = "q=" + enc(word);
            assertEquals(List.of(narrow, wide), models(search(null, q)), "relevance");
            JsonObject reuse = search(null, q + "&sort=reuse");
            assertEquals(List.of(wide, narrow), models(reuse), "reuse");
            assertEquals(2, hit(reuse, wide).getInt("activeTenants"));
            assertEquals(1, hit(reuse, narrow).getInt("activeTenants"));
            assertEquals(
                    List.of(wide, narrow),
                    models(search(null, "size=100&sort=reuse&owner=w-hs&q=" + enc(word))));

            // pausing in bochum: one municipality each, and relevance decides again
            assertEquals(200, deployer.action(bernd, BO, started.get(1)[1], "pause").statusCode());
            JsonObject paused = search(null, q + "&sort=reuse");
            assertEquals(1, hit(paused, wide).getInt("activeTenants"));
            assertEquals(List.of(narrow, wide), models(paused));
            assertEquals(200, deployer.action(gina, GE, started.get(0)[1], "retire").statusCode());
            assertEquals(0, hit(search(null, q), wide).getInt("activeTenants"));
        } finally {
            for (String[] d : started) {
                String operator = d[0].equals(BO) ? bernd : gina;
                deployer.action(operator, d[0], d[1], "retire");
            }
        }
        assertEquals(0, hit(search(null, "q=" + enc(word)), narrow).getInt("activeTenants"));
    }

    /** Creates, documents, signs off and activates a deployment; returns {tenant, id}. */
    static String[] activate(
            Deployer deployer, String operator, String dpo, String tenant, String model) {
        String id =
                deployer.created(operator, tenant, Registry.unique("reuse"), model, "1.0.0", null);
        assertEquals("ACTIVE", deployer.activated(operator, dpo, tenant, id).getString("status"));
        return new String[] {tenant, id};
    }

    byte[] download(String model, String version) throws Exception {
        HttpResponse<byte[]> r =
                Hub.HTTP.send(
                        HttpRequest.newBuilder(registry.artifactUri(model, version)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    @Test
    void searchTimesAreInTheServerMetrics() {
        search(null, "q=" + enc("Personenzählung"));
        suggest(null, "Perso");
        HttpResponse<String> r = get(base, "api/v1/metrics", carla);
        assertEquals(200, r.statusCode(), r::body);
        String text = r.body();
        assertTrue(text.contains("# TYPE kihub_catalog_search_duration_seconds histogram"), text);
        assertTrue(text.contains("kihub_catalog_search_duration_seconds_bucket{le=\"0.0005\"}"));
        assertTrue(text.contains("kihub_catalog_suggest_duration_seconds_bucket{le=\"+Inf\"}"));
        Matcher count =
                Pattern.compile("(?m)^kihub_catalog_search_duration_seconds_count (\\d+)$")
                        .matcher(text);
        assertTrue(count.find(), text);
        assertTrue(Long.parseLong(count.group(1)) >= 1);
        // every search waited for a permit, if only for nanoseconds: one count per search
        Matcher waits =
                Pattern.compile("(?m)^kihub_catalog_search_wait_seconds_count (\\d+)$")
                        .matcher(text);
        assertTrue(waits.find(), text);
        assertEquals(count.group(1), waits.group(1));
    }
}
