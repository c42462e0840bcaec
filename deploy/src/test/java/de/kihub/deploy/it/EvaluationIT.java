package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.absent;
import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.modelimport.CenterNetWeights;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Evaluations through the API against the real people counter: PETS09-S2L1 frames 1-400 uploaded as
 * a MOT dataset reproduce the numbers docs/people-counting.md documents, results rank on a
 * leaderboard, versions compare, private results stay with their tenant, public ones are shown to
 * everybody, a running job can be cancelled, and bad requests get problem+json.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvaluationIT {
    static final String COUNTER = "kihub/people-counter";
    static final String EVALUATIONS = "api/v1/evaluations";

    /** docs/people-counting.md: MAE against all boxes at threshold 0.45 on frames 1-400. */
    static final double DOCUMENTED_MAE = 0.490;

    /** docs/people-counting.md, "Second detector": CenterNet at its best threshold 0.40. */
    static final double CENTERNET_MAE = 0.753;

    /** The PETS09 MOT dataset of rita's tenant, uploaded once for every test that needs it. */
    private static String pets09;

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    Datasets datasets;
    String rita;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        datasets = new Datasets(base);
        rita = token("rita.researcher");
    }

    @Test
    void reproducesThePeopleCountersDocumentedNumbersOnPets09AndRanksThem() throws Exception {
        String dataset = pets09();
        long start = System.nanoTime();

        HttpResponse<String> started = start(rita, COUNTER, "1.0.0", dataset, 0.45);

        assertEquals(202, started.statusCode(), started.body());
        String id = json(started.body()).getString("id");
        assertEquals(
                "/api/v1/evaluations/" + id,
                URI.create(started.headers().firstValue("Location").orElseThrow()).getPath());
        Polled polled = await(rita, id);
        JsonObject done = polled.last;
        System.out.printf(
                Locale.ROOT,
                "EvaluationIT: PETS09-S2L1 400 frames evaluated in %d ms (job), %.1f s from POST"
                        + " to SUCCEEDED; progress seen %s; %s%n",
                done.getJsonObject("provenance").getJsonNumber("durationMs").longValue(),
                (System.nanoTime() - start) / 1e9,
                polled.done,
                done.getJsonObject("metrics").getJsonObject("summary"));
        assertEquals("SUCCEEDED", done.getString("status"), done.toString());
        assertTrue(polled.sawProgress(), "progress between 0 and 400: " + polled.done);
        assertTrue(polled.sawEta, "an estimate of the time left while it ran");

        JsonObject metrics = done.getJsonObject("metrics");
        double mae = metrics.getJsonObject("counting").getJsonNumber("mae").doubleValue();
        assertEquals(DOCUMENTED_MAE, mae, 0.05, "MAE " + mae);
        assertEquals(
                List.of("x=400 in 7/9", "x=400 out 6/7", "y=300 in 7/7", "y=300 out 9/10"),
                crossings(metrics),
                "crossings counted/true as documented");
        assertEquals(400, done.getJsonObject("progress").getInt("total"));
        assertTrue(metrics.getJsonObject("detection").getJsonNumber("ap50").doubleValue() > 0.5);

        JsonObject provenance = done.getJsonObject("provenance");
        String modelSha =
                json(get(base, "api/v1/models/" + COUNTER + "/versions/1.0.0", null).body())
                        .getJsonObject("artifact")
                        .getString("sha256");
        assertEquals(modelSha, provenance.getString("modelSha256"));
        assertEquals(
                datasets.get(rita, dataset).getString("sha256"),
                provenance.getString("datasetSha256"));
        assertEquals(
                0.45,
                provenance
                        .getJsonObject("configuration")
                        .getJsonNumber("scoreThreshold")
                        .doubleValue(),
                1e-9);
        assertFalse(provenance.getString("hubVersion").isBlank());
        assertTrue(provenance.getJsonNumber("durationMs").longValue() > 0);
        assertEquals("rita.researcher", provenance.getString("createdBy"));
        assertEquals("w-hs", done.getString("tenant"));
        assertFalse(done.getBoolean("public"), "a private dataset makes a private result");

        // a private result stays in the tenant, and so does the leaderboard of a private dataset
        String gina = token("gina.admin");
        assertProblem(get(base, EVALUATIONS + "/" + id, gina), 404);
        assertProblem(get(base, EVALUATIONS + "/" + id, null), 404);
        assertProblem(get(base, "api/v1/leaderboards?dataset=" + dataset, gina), 404);
        assertFalse(get(base, EVALUATIONS, gina).body().contains(id));

        // a second configuration of the same model ranks behind on MAE
        String other = json(start(rita, COUNTER, "1.0.0", dataset, 0.55).body()).getString("id");
        assertEquals("SUCCEEDED", await(rita, other).last.getString("status"));
        JsonObject board =
                json(
                        get(
                                        base,
                                        "api/v1/leaderboards?task=people-counting&metric=mae"
                                                + "&dataset="
                                                + dataset,
                                        rita)
                                .body());
        System.out.println("EvaluationIT: leaderboard " + board);
        JsonArray entries = board.getJsonArray("entries");
        assertEquals(List.of(id, other), evaluations(entries), board.toString());
        assertEquals(mae, entries.getJsonObject(0).getJsonNumber("value").doubleValue(), 1e-9);
        assertTrue(
                entries.getJsonObject(1).getJsonNumber("value").doubleValue() > mae,
                board.toString());
        assertEquals(
                0.55,
                entries.getJsonObject(1)
                        .getJsonObject("configuration")
                        .getJsonNumber("scoreThreshold")
                        .doubleValue(),
                1e-9);
        assertEquals("lower", board.getString("better"));
        // precision ranks the other way round: the higher threshold is the more precise one
        JsonObject byPrecision =
                json(
                        get(base, "api/v1/leaderboards?metric=precision&dataset=" + dataset, rita)
                                .body());
        assertEquals(List.of(other, id), evaluations(byPrecision.getJsonArray("entries")));
        String listed =
                get(base, EVALUATIONS + "?model=" + COUNTER + "&dataset=" + dataset, rita).body();
        assertTrue(listed.contains(id) && listed.contains(other), listed);

        // a second model: CenterNet, converted and published by rita, at its own best threshold
        String centernet = publishCenterNet();
        String second = json(start(rita, centernet, "1.0.0", dataset, 0.40).body()).getString("id");
        JsonObject secondDone = await(rita, second).last;
        assertEquals("SUCCEEDED", secondDone.getString("status"), secondDone.toString());
        JsonObject secondMetrics = secondDone.getJsonObject("metrics");
        System.out.printf(
                Locale.ROOT,
                "EvaluationIT: CenterNet on PETS09-S2L1 in %d ms: %s, crossings %s%n",
                secondDone.getJsonObject("provenance").getJsonNumber("durationMs").longValue(),
                secondMetrics.getJsonObject("summary"),
                crossings(secondMetrics));
        // docs/people-counting.md, "Second detector": MAE 0.753, x=400 7/4, y=300 7/8
        assertEquals(
                CENTERNET_MAE,
                secondMetrics.getJsonObject("counting").getJsonNumber("mae").doubleValue(),
                0.05);
        assertEquals(
                List.of("x=400 in 7/9", "x=400 out 4/7", "y=300 in 7/7", "y=300 out 8/10"),
                crossings(secondMetrics));
        JsonObject both =
                json(get(base, "api/v1/leaderboards?metric=mae&dataset=" + dataset, rita).body());
        System.out.println("EvaluationIT: leaderboard with two models " + both);
        assertEquals(
                List.of(id, other, second),
                evaluations(both.getJsonArray("entries")),
                both.toString());
        assertEquals(centernet, both.getJsonArray("entries").getJsonObject(2).getString("model"));
        JsonObject byCrossings =
                json(
                        get(base, "api/v1/leaderboards?metric=crossingMae&dataset=" + dataset, rita)
                                .body());
        assertEquals(
                second,
                byCrossings.getJsonArray("entries").getJsonObject(2).getString("evaluation"),
                "CenterNet misses more crossings: " + byCrossings);

        // shared, the numbers are shown to everybody (without who ran it); unshared, they are not
        HttpResponse<String> shared =
                datasets.json(rita, "POST", EVALUATIONS + "/" + id + "/share", "");
        assertEquals(200, shared.statusCode(), shared.body());
        assertTrue(json(shared.body()).getBoolean("shared"));
        JsonObject seen = json(get(base, EVALUATIONS + "/" + id, gina).body());
        assertEquals(
                mae,
                seen.getJsonObject("metrics")
                        .getJsonObject("counting")
                        .getJsonNumber("mae")
                        .doubleValue(),
                1e-9);
        assertTrue(absent(seen.getJsonObject("provenance"), "createdBy"), seen.toString());
        assertProblem(datasets.json(gina, "POST", EVALUATIONS + "/" + id + "/unshare", ""), 403);
        assertEquals(
                200,
                datasets.json(rita, "POST", EVALUATIONS + "/" + id + "/unshare", "").statusCode());
        assertProblem(get(base, EVALUATIONS + "/" + id, gina), 404);
        String audit =
                get(base, "api/v1/audit?tenant=w-hs&limit=200", token("carla.curator")).body();
        assertTrue(audit.contains("\"evaluation.start\""), audit);
        assertTrue(audit.contains("\"evaluation.share\""), audit);
        assertTrue(audit.contains("\"evaluation.unshare\""), audit);
    }

    @Test
    void aPublicModelOnAPublicDatasetGivesAResultEverybodySees() throws Exception {
        String dataset = datasets.create(rita, "COUNTS_CSV", "people-counting", "PUBLIC");
        datasets.upload(rita, dataset, Datasets.zip(Datasets.controls()));
        HttpResponse<String> approved =
                datasets.json(
                        token("carla.curator"),
                        "POST",
                        "api/v1/datasets/" + dataset + "/approve",
                        "{\"comment\":\"Kontrollbilder\"}");
        assertEquals(200, approved.statusCode(), approved.body());

        String id = json(start(rita, COUNTER, "1.0.0", dataset, 0.45).body()).getString("id");
        JsonObject done = await(rita, id).last;

        assertEquals("SUCCEEDED", done.getString("status"), done.toString());
        assertTrue(done.getBoolean("public"), done.toString());
        JsonObject counting = done.getJsonObject("metrics").getJsonObject("counting");
        assertEquals(4, counting.getInt("items"));
        // 1, 2, 0 and 0 people, all found (people-counting.md)
        assertEquals(0.0, counting.getJsonNumber("mae").doubleValue(), 1e-9, counting.toString());
        assertEquals(2, counting.getInt("mapeItems"), "MAPE only over images with people");
        assertTrue(absent(done.getJsonObject("metrics"), "detection"), "no boxes in labels.csv");
        HttpResponse<String> anonymous = get(base, EVALUATIONS + "/" + id, null);
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        assertTrue(absent(json(anonymous.body()).getJsonObject("provenance"), "createdBy"));
        JsonObject board = json(get(base, "api/v1/leaderboards?dataset=" + dataset, null).body());
        assertEquals(List.of(id), evaluations(board.getJsonArray("entries")), board.toString());
    }

    @Test
    void comparesTwoVersionsOfOneModelOnOneDataset() throws Exception {
        Registry registry = new Registry(base);
        String name = Registry.unique("counter");
        String model = "w-hs/" + name;
        assertEquals(201, registry.createModel(rita, name, "PRIVATE").statusCode());
        HttpResponse<byte[]> onnx =
                Hub.HTTP.send(
                        HttpRequest.newBuilder(registry.artifactUri(COUNTER, "1.0.0"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, onnx.statusCode());
        for (String version : List.of("1.0.0", "1.1.0")) {
            assertEquals(201, registry.createVersion(rita, model, version).statusCode());
            HttpResponse<String> uploaded = registry.upload(rita, model, version, onnx.body());
            assertEquals(200, uploaded.statusCode(), uploaded.body());
        }
        String dataset = datasets.create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        datasets.upload(rita, dataset, Datasets.zip(Datasets.controls()));

        // the same file, once at the default threshold, once so high that basketball1.png's two
        // people (scores 0.53 and 0.47) are missed
        String a = json(start(rita, model, "1.0.0", dataset, 0.45).body()).getString("id");
        String b = json(start(rita, model, "1.1.0", dataset, 0.70).body()).getString("id");
        assertEquals("SUCCEEDED", await(rita, a).last.getString("status"));
        assertEquals("SUCCEEDED", await(rita, b).last.getString("status"));
        HttpResponse<String> compared =
                get(
                        base,
                        "api/v1/leaderboards/compare?model="
                                + model
                                + "&a=1.0.0&b=1.1.0&dataset="
                                + dataset,
                        rita);

        assertEquals(200, compared.statusCode(), compared.body());
        JsonObject c = json(compared.body());
        assertEquals(a, c.getJsonObject("a").getString("evaluation"));
        assertEquals(b, c.getJsonObject("b").getString("evaluation"));
        JsonObject maeDifference =
                c.getJsonArray("differences").stream()
                        .map(JsonObject.class::cast)
                        .filter(d -> d.getString("metric").equals("mae"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(0.0, maeDifference.getJsonNumber("a").doubleValue(), 1e-9);
        assertEquals(0.5, maeDifference.getJsonNumber("b").doubleValue(), 1e-9);
        assertEquals(0.5, maeDifference.getJsonNumber("difference").doubleValue(), 1e-9);
        assertEquals("a", maeDifference.getString("better"));
        assertProblem(
                get(
                        base,
                        "api/v1/leaderboards/compare?model="
                                + model
                                + "&a=1.0.0&b=1.1.0&dataset="
                                + dataset,
                        token("gina.admin")),
                404);
    }

    @Test
    void aRunningEvaluationIsCancelledAfterItsCurrentFrame() throws Exception {
        String dataset = pets09();
        String id = json(start(rita, COUNTER, "1.0.0", dataset, 0.5).body()).getString("id");
        JsonObject running = json(get(base, EVALUATIONS + "/" + id, rita).body());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (running.getJsonObject("progress").getInt("done") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            running = json(get(base, EVALUATIONS + "/" + id, rita).body());
        }
        assertEquals("RUNNING", running.getString("status"), running.toString());
        assertProblem(
                datasets.json(token("gina.admin"), "POST", EVALUATIONS + "/" + id + "/cancel", ""),
                404);

        HttpResponse<String> cancelled = datasets.json(rita, "DELETE", EVALUATIONS + "/" + id, "");

        assertEquals(200, cancelled.statusCode(), cancelled.body());
        JsonObject e = json(cancelled.body());
        assertEquals("CANCELLED", e.getString("status"), e.toString());
        assertTrue(e.getJsonObject("progress").getInt("done") < 400, e.toString());
        assertTrue(absent(e, "metrics"));
        assertProblem(datasets.json(rita, "POST", EVALUATIONS + "/" + id + "/cancel", ""), 409);
    }

    @Test
    void badRequestsAreRefusedWithProblemDetails() throws Exception {
        String dataset = datasets.create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        datasets.upload(rita, dataset, Datasets.zip(Datasets.controls()));
        String classes = datasets.create(rita, "CLASS_FOLDERS", "image-classification", "PRIVATE");
        datasets.upload(rita, classes, Datasets.zip(Datasets.classFolders()));
        String empty = datasets.create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");

        assertProblem(start(null, COUNTER, "1.0.0", dataset, 0.45), 401);
        assertProblem(start(token("mia.member"), COUNTER, "1.0.0", dataset, 0.45), 403);
        assertProblem(start(rita, "kihub/no-such-model", "1.0.0", dataset, 0.45), 404);
        assertProblem(start(rita, COUNTER, "9.9.9", dataset, 0.45), 404);
        assertProblem(start(rita, COUNTER, "1.0.0", "w-hs/no-such-dataset", 0.45), 404);
        // another tenant's private dataset does not exist for gina
        assertProblem(start(token("gina.admin"), COUNTER, "1.0.0", dataset, 0.45), 404);
        JsonObject mismatch = assertProblem(start(rita, COUNTER, "1.0.0", classes, 0.45), 409);
        assertTrue(mismatch.getString("detail").contains("CLASS_FOLDERS"), mismatch.toString());
        assertProblem(start(rita, COUNTER, "1.0.0", empty, 0.45), 409);
        JsonObject threshold = assertProblem(start(rita, COUNTER, "1.0.0", dataset, 2.0), 400);
        assertTrue(threshold.getString("detail").contains("threshold"), threshold.toString());
        assertProblem(evaluate(rita, COUNTER, "1.0.0", dataset, "{\"zones\":[]}"), 400);
        assertProblem(
                evaluate(rita, COUNTER, "1.0.0", dataset, "{\"lines\":[{\"name\":\"a\"}]}"), 400);
        assertProblem(
                datasets.json(rita, "POST", EVALUATIONS, "{\"model\":\"" + COUNTER + "\"}"), 400);
        assertProblem(datasets.json(rita, "POST", EVALUATIONS, "{\"model\":"), 400);
        assertProblem(get(base, EVALUATIONS + "/not-an-id", rita), 400);
        assertProblem(get(base, EVALUATIONS + "/00000000-0000-0000-0000-000000000000", rita), 404);
        assertProblem(get(base, "api/v1/leaderboards", rita), 400);
        assertProblem(get(base, "api/v1/leaderboards?metric=speed&dataset=" + dataset, rita), 400);
        assertProblem(get(base, "api/v1/leaderboards?task=dancing&dataset=" + dataset, rita), 400);
        assertProblem(get(base, "api/v1/leaderboards/compare?model=" + COUNTER, rita), 400);
    }

    /** Starts an evaluation of {@code version} of {@code model} at a score threshold. */
    HttpResponse<String> start(
            String token, String model, String version, String dataset, double threshold) {
        return evaluate(
                token,
                model,
                version,
                dataset,
                String.format(Locale.ROOT, "{\"scoreThreshold\":%s}", threshold));
    }

    HttpResponse<String> evaluate(
            String token, String model, String version, String dataset, String configuration) {
        return datasets.json(
                token,
                "POST",
                EVALUATIONS,
                "{\"model\":\""
                        + model
                        + "\",\"version\":\""
                        + version
                        + "\",\"dataset\":\""
                        + dataset
                        + "\",\"configuration\":"
                        + configuration
                        + "}");
    }

    /** What polling a job saw until it ended. */
    static final class Polled {
        final List<Integer> done = new ArrayList<>();
        boolean sawEta;
        JsonObject last;

        boolean sawProgress() {
            return done.stream().anyMatch(d -> d > 0 && d < 400)
                    && done.equals(done.stream().sorted().toList());
        }
    }

    /** Polls the job every 500 ms until it has ended (at most 10 minutes). */
    Polled await(String token, String id) throws InterruptedException {
        Polled polled = new Polled();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            HttpResponse<String> r = get(base, EVALUATIONS + "/" + id, token);
            assertEquals(200, r.statusCode(), r.body());
            JsonObject e = json(r.body());
            JsonObject progress = e.getJsonObject("progress");
            polled.done.add(progress.getInt("done"));
            polled.sawEta |= !absent(progress, "etaSeconds");
            polled.last = e;
            String status = e.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return polled;
            }
            assertTrue(System.nanoTime() < deadline, "still " + status + " after 10 minutes");
            Thread.sleep(500);
        }
    }

    /** "line direction counted/true" for every line and direction. */
    static List<String> crossings(JsonObject metrics) {
        return metrics.getJsonObject("crossings").getJsonArray("lines").stream()
                .map(JsonObject.class::cast)
                .map(
                        l ->
                                l.getString("line")
                                        + " "
                                        + l.getString("direction")
                                        + " "
                                        + l.getInt("counted")
                                        + "/"
                                        + l.getInt("truth"))
                .toList();
    }

    static List<String> evaluations(JsonArray entries) {
        return entries.stream()
                .map(JsonObject.class::cast)
                .map(e -> e.getString("evaluation"))
                .toList();
    }

    /**
     * rita's own model with CenterNet as version 1.0.0 (a draft: evaluations run on drafts the
     * owner sees), converted from the shared weights as docs/people-counting.md describes.
     */
    String publishCenterNet() throws Exception {
        Registry registry = new Registry(base);
        String name = Registry.unique("centernet");
        assertEquals(201, registry.createModel(rita, name, "PRIVATE").statusCode());
        String model = "w-hs/" + name;
        assertEquals(201, registry.createVersion(rita, model, "1.0.0").statusCode());
        Path onnx = Files.createTempFile(Path.of("target"), "centernet-", ".onnx");
        try {
            CenterNetWeights.convert(Datasets.DATA.resolve(CenterNetWeights.DATA_SUBDIRECTORY))
                    .writeTo(onnx);
            HttpResponse<String> uploaded =
                    registry.upload(rita, model, "1.0.0", Files.readAllBytes(onnx));
            assertEquals(200, uploaded.statusCode(), uploaded.body());
        } finally {
            Files.deleteIfExists(onnx);
        }
        return model;
    }

    /** rita's PETS09-S2L1 frames 1-400 with gt.txt and the accuracy test's two lines. */
    synchronized String pets09() throws Exception {
        if (pets09 == null) {
            String dataset = datasets.create(rita, "MOT", "people-counting", "PRIVATE");
            long start = System.nanoTime();
            JsonObject uploaded = datasets.upload(rita, dataset, Datasets.pets09Zip());
            System.out.printf(
                    Locale.ROOT,
                    "EvaluationIT: PETS09 MOT dataset (%d MB) uploaded and validated in %.1f s%n",
                    uploaded.getJsonNumber("size").longValue() >> 20,
                    (System.nanoTime() - start) / 1e9);
            assertEquals(400, uploaded.getInt("items"));
            assertNotNull(uploaded.getString("sha256"));
            pets09 = dataset;
        }
        return pets09;
    }
}
