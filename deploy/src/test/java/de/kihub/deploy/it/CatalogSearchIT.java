package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.enc;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A small realistic catalog, published through the API, and a relevance table of German and English
 * queries with the entry that must come first; visibility of private models in results and facet
 * counts. The database is shared with other test classes (their models may also match), so the
 * ranking is checked among this catalog and the flagship people counter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogSearchIT {
    static final String FLAGSHIP = "kihub/people-counter";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    Registry registry;
    String rita;
    String carla;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        registry = new Registry(url.toURI());
        rita = token("rita.researcher");
        carla = token("carla.curator");
        run = UUID.randomUUID().toString().substring(0, 6);
    }

    /** Creates and publishes a model of w-hs; returns "w-hs/name". */
    String publish(String slug, String visibility, String model) {
        String name = slug + "-" + run;
        HttpResponse<String> created =
                registry.json(
                        rita,
                        "POST",
                        "api/v1/models",
                        model.replace("$NAME", name).replace("$VIS", visibility));
        assertEquals(201, created.statusCode(), created::body);
        String ref = "w-hs/" + name;
        assertEquals(201, registry.createVersion(rita, ref, "1.0.0").statusCode());
        HttpResponse<String> up = registry.upload(rita, ref, "1.0.0", TestOnnx.identityModel());
        assertEquals(200, up.statusCode(), up::body);
        assertEquals(200, registry.action(rita, ref, "1.0.0", "submit", null).statusCode());
        HttpResponse<String> ok = registry.action(carla, ref, "1.0.0", "approve", "ok");
        assertEquals(200, ok.statusCode(), ok::body);
        return ref;
    }

    static String model(
            String de,
            String en,
            String descDe,
            String descEn,
            String task,
            String domain,
            String license,
            String... tags) {
        return "{\"name\":\"$NAME\",\"displayName\":{\"de\":\""
                + de
                + "\",\"en\":\""
                + en
                + "\"},"
                + "\"description\":{\"de\":\""
                + descDe
                + "\",\"en\":\""
                + descEn
                + "\"},"
                + "\"task\":\""
                + task
                + "\",\"domain\":\""
                + domain
                + "\",\"license\":\""
                + license
                + "\",\"tags\":["
                + String.join(",", Stream.of(tags).map(t -> "\"" + t + "\"").toList())
                + "],\"visibility\":\"$VIS\"}";
    }

    JsonObject search(String token, String parameters) throws Exception {
        HttpResponse<String> r = get(url.toURI(), "api/v1/catalog/models?" + parameters, token);
        assertEquals(200, r.statusCode(), r::body);
        return json(r.body());
    }

    static List<String> models(JsonObject result) {
        return result.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("model"))
                .toList();
    }

    @Test
    void relevanceVisibilityAndFacets() throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("people", FLAGSHIP);
        c.put(
                "parking",
                publish(
                        "parkplatz",
                        "PUBLIC",
                        model(
                                "Parkplatzbelegung erkennen",
                                "Parking occupancy detection",
                                "Erkennt freie und belegte Stellplätze auf Parkplätzen aus Kamerabildern.",
                                "Detects free and occupied spaces in car parks from camera images.",
                                "object-detection",
                                "Mobilität",
                                "MIT",
                                "parken")));
        c.put(
                "traffic",
                publish(
                        "verkehr",
                        "PUBLIC",
                        model(
                                "Verkehrszählung Kfz",
                                "Vehicle traffic counting",
                                "Zählt Autos, Lkw und Fahrräder an Kreuzungen.",
                                "Counts cars, lorries and bicycles at junctions.",
                                "object-detection",
                                "Mobilität",
                                "Apache-2.0",
                                "verkehr",
                                "radverkehr")));
        c.put(
                "litter",
                publish(
                        "muell",
                        "PUBLIC",
                        model(
                                "Müllerkennung an Containern",
                                "Litter detection at waste containers",
                                "Erkennt wilden Müll und überfüllte Altglascontainer.",
                                "Finds illegally dumped litter and overflowing bottle banks.",
                                "image-classification",
                                "Umwelt",
                                "MIT",
                                "sauberkeit")));
        c.put(
                "trees",
                publish(
                        "baeume",
                        "PUBLIC",
                        model(
                                "Baumschäden erkennen",
                                "Tree damage classification",
                                "Segmentiert Baumkronen in Luftbildern und erkennt Trockenschäden.",
                                "Segments tree crowns in aerial images and detects drought damage.",
                                "image-segmentation",
                                "Umwelt",
                                "CC-BY-4.0",
                                "stadtgrün",
                                "bäume")));
        c.put(
                "citizens",
                publish(
                        "anliegen",
                        "PUBLIC",
                        model(
                                "Bürgeranliegen klassifizieren",
                                "Citizen request classification",
                                "Ordnet Nachrichten von Bürgerinnen und Bürgern dem zuständigen Fachbereich zu.",
                                "Routes messages from citizens to the responsible department.",
                                "text-classification",
                                "Verwaltung",
                                "EUPL-1.2",
                                "posteingang")));
        c.put(
                "council",
                publish(
                        "rat",
                        "PUBLIC",
                        model(
                                "Spracherkennung für Ratssitzungen",
                                "Speech recognition for council meetings",
                                "Transkribiert Sitzungen des Stadtrats.",
                                "Transcribes meetings of the city council.",
                                "speech-recognition",
                                "Verwaltung",
                                "Apache-2.0",
                                "protokoll")));
        c.put(
                "energy",
                publish(
                        "strom",
                        "PUBLIC",
                        model(
                                "Stromverbrauch vorhersagen",
                                "Electricity demand forecasting",
                                "Prognostiziert den Stromverbrauch städtischer Gebäude für 48 Stunden.",
                                "Forecasts the electricity demand of municipal buildings for 48 hours.",
                                "time-series-forecasting",
                                "Energie",
                                "MIT",
                                "gebäude")));
        c.put(
                "water",
                publish(
                        "pegel",
                        "PUBLIC",
                        model(
                                "Pegelstand-Prognose",
                                "Water level forecasting",
                                "Sagt Pegelstände von Flüssen bei Starkregen voraus.",
                                "Predicts river levels during heavy rain.",
                                "time-series-forecasting",
                                "Umwelt",
                                "MIT",
                                "hochwasser",
                                "starkregen")));
        c.put(
                "pothole",
                publish(
                        "schlagloch",
                        "PUBLIC",
                        model(
                                "Schlaglocherkennung",
                                "Pothole detection",
                                "Findet Schlaglöcher und Straßenschäden in Fotos von Kehrmaschinen.",
                                "Finds potholes and road damage in photos taken by street sweepers.",
                                "object-detection",
                                "Mobilität",
                                "MIT",
                                "straßenunterhaltung")));
        String secretLicense = "LicenseRef-geheim-" + run;
        String secret =
                publish(
                        "geheim",
                        "PRIVATE",
                        model(
                                "Geheime Personenzählung Zwiebelturm" + run,
                                "Secret onion tower counter",
                                "Nur für die Hochschule.",
                                "Internal only.",
                                "people-counting",
                                "Kultur & Tourismus",
                                secretLicense,
                                "intern"));
        List<String> catalog = new ArrayList<>(c.values());

        String[][] table = {
            {"Personenzählung", "people"},
            {"personenzaehlung", "people"},
            {"Personenzälung", "people"},
            {"Passantenzählung", "people"},
            {"Besucherzählung", "people"},
            {"Frequenzmessung", "people"},
            {"Fußgängerzählung", "people"},
            {"Fussgaenger", "people"},
            {"Besucherströme zählen", "people"},
            {"people counting", "people"},
            {"pedestrian counting", "people"},
            {"footfall", "people"},
            {"Verkehrszählung", "traffic"},
            {"Verkehrszaehlung", "traffic"},
            {"Fahrräder zählen", "traffic"},
            {"vehicle counting", "traffic"},
            {"Parkplatz", "parking"},
            {"freie Stellplätze", "parking"},
            {"parking occupancy", "parking"},
            {"Müll", "litter"},
            {"Abfall", "litter"},
            {"litter", "litter"},
            {"Baumschäden", "trees"},
            {"Bäume", "trees"},
            {"Bürgeranliegen", "citizens"},
            {"buergeranliegen", "citizens"},
            {"citizen requests", "citizens"},
            {"Spracherkennung", "council"},
            {"Stadtrat Sitzungen", "council"},
            {"Stromverbrauch", "energy"},
            {"Stromverbruach", "energy"},
            {"electricity forecast", "energy"},
            {"Pegelstand", "water"},
            {"Hochwasser", "water"},
            {"Schlaglöcher", "pothole"},
            {"Schlagloch", "pothole"},
            {"pothole", "pothole"},
        };
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (String[] row : table) {
            List<String> found = models(search(null, "size=100&q=" + enc(row[0])));
            List<String> ours = found.stream().filter(catalog::contains).toList();
            String first = ours.isEmpty() ? "(nothing)" : ours.get(0);
            String expected = c.get(row[1]);
            report.append(
                    String.format(
                            "%-26s -> %-30s %s%n",
                            row[0], first, first.equals(expected) ? "ok" : "EXPECTED " + expected));
            if (!first.equals(expected)) {
                failures.add(row[0] + " -> " + ours + " (expected " + expected + " first)");
            }
        }
        System.out.println("Relevance table:\n" + report);
        assertTrue(failures.isEmpty(), () -> "relevance failures:\n" + String.join("\n", failures));
        assertEquals(
                0, search(null, "q=" + enc("Quantenverschränkung Teleportation")).getInt("total"));

        // filters combine; facets count the matches
        JsonObject mobility =
                search(
                        null,
                        "size=100&task=object-detection&domain="
                                + enc("Mobilität")
                                + "&license=MIT&q="
                                + enc("erkennen"));
        List<String> mob = models(mobility);
        assertTrue(mob.contains(c.get("parking")), mob::toString);
        assertFalse(mob.contains(c.get("traffic")), mob::toString);
        JsonObject facets = mobility.getJsonObject("facets");
        assertEquals(
                mobility.getInt("total"),
                facets.getJsonObject("task").getJsonNumber("object-detection").intValue());
        assertEquals(1, facets.getJsonObject("task").size(), facets::toString);

        // the private model: only its tenant and curators find it, and nobody else counts it
        String secretQuery = "q=" + enc("Zwiebelturm" + run);
        assertEquals(0, search(null, secretQuery).getInt("total"));
        assertEquals(0, search(token("mia.member"), secretQuery).getInt("total"));
        assertEquals(List.of(secret), models(search(rita, secretQuery)));
        assertEquals(List.of(secret), models(search(carla, secretQuery)));
        for (String caller : new String[] {null, token("mia.member")}) {
            JsonObject all = search(caller, "size=1&license=" + enc(secretLicense));
            assertEquals(0, all.getInt("total"));
            JsonObject everything = search(caller, "size=1");
            assertFalse(
                    everything
                            .getJsonObject("facets")
                            .getJsonObject("license")
                            .containsKey(secretLicense),
                    "facet count leaks the private licence");
        }
        assertTrue(
                search(rita, "size=1")
                        .getJsonObject("facets")
                        .getJsonObject("license")
                        .containsKey(secretLicense));
    }

    @Test
    void changesAreSearchableAtOnceAndTheIndexCanBeRebuilt() throws Exception {
        String name = Registry.unique("sofort");
        assertEquals(201, registry.createModel(rita, name, "PRIVATE").statusCode());
        // no waiting: the index is updated when the transaction commits
        assertEquals(List.of("w-hs/" + name), models(search(rita, "q=" + enc(name))));
        assertEquals(0, search(null, "q=" + enc(name)).getInt("total"));

        assertProblem(registry.json(rita, "POST", "api/v1/admin/search/reindex", "{}"), 403);
        HttpResponse<String> r = registry.json(carla, "POST", "api/v1/admin/search/reindex", "{}");
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(json(r.body()).getInt("indexed") >= 1);
        assertEquals(List.of("w-hs/" + name), models(search(rita, "q=" + enc(name))));
    }

    @Test
    void badParametersAreProblems() throws Exception {
        URI base = url.toURI();
        assertProblem(get(base, "api/v1/catalog/models?size=101", null), 400);
        assertProblem(get(base, "api/v1/catalog/models?size=abc", null), 400);
        assertProblem(get(base, "api/v1/catalog/models?page=0", null), 400);
        assertProblem(get(base, "api/v1/catalog/models?sort=popular", null), 400);
        JsonObject page = search(null, "size=1&page=1&sort=newest");
        assertTrue(page.getJsonArray("items").size() <= 1);
        assertTrue(page.getJsonObject("facets").containsKey("owner"));
        assertFalse(
                page.getJsonArray("items").stream()
                        .map(v -> (JsonObject) v)
                        .anyMatch(
                                i ->
                                        "PRIVATE"
                                                .equals(
                                                        ((JsonString) i.get("visibility"))
                                                                .getString())));
    }
}
