package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evaluating an image classifier through the API: a small but real ONNX classifier (the mean colour
 * of the image times a weight matrix: red, green or blue) published by a researcher with its
 * labels.txt and approved by a curator, a dataset of generated PNG and JPEG images in class folders
 * with one deliberately mislabelled image, and the numbers that follow exactly: accuracy, macro-F1,
 * the confusion matrix, the leaderboard by accuracy, a version comparison; a model whose labels do
 * not cover the dataset's classes is refused with a problem naming the class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClassificationEvaluationIT {
    static final String EVALUATIONS = "api/v1/evaluations";
    static final String LABELS = "red\ngreen\nblue\n";
    static final int SIZE = 32;

    static final Color RED = new Color(205, 40, 35);
    static final Color GREEN = new Color(45, 165, 60);
    static final Color BLUE = new Color(35, 55, 210);

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    Registry registry;
    Datasets datasets;
    String rita;
    String carla;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        registry = new Registry(base);
        datasets = new Datasets(base);
        rita = token("rita.researcher");
        carla = token("carla.curator");
    }

    @Test
    void evaluatesAPublishedClassifierWithExactNumbersAndRanksItByAccuracy() throws Exception {
        String model = createModel("PUBLIC");
        String normalisation = "{\"mean\":[0.5,0.5,0.5],\"std\":[0.5,0.5,0.5]}";
        publishVersion(model, "1.0.0", LABELS, normalisation);
        HttpResponse<String> submitted = registry.action(rita, model, "1.0.0", "submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> approved = registry.action(carla, model, "1.0.0", "approve", null);
        assertEquals(200, approved.statusCode(), approved.body());
        // the same file read with red and blue swapped: a worse classifier (a draft rita sees)
        publishVersion(model, "1.1.0", LABELS, "{\"channels\":\"BGR\"}");
        String dataset = datasets.create(rita, "CLASS_FOLDERS", "image-classification", "PRIVATE");
        JsonObject uploaded = datasets.upload(rita, dataset, Datasets.zip(colourFolders()));
        assertEquals(10, uploaded.getInt("items"));

        long start = System.nanoTime();
        HttpResponse<String> started = evaluate(rita, model, "1.0.0", dataset, null);

        assertEquals(202, started.statusCode(), started.body());
        JsonObject queued = json(started.body());
        assertEquals("image-classification", queued.getString("task"));
        JsonObject done = await(queued.getString("id"));
        System.out.printf(
                Locale.ROOT,
                "ClassificationEvaluationIT: 10 images classified in %d ms (job), %.1f s from POST"
                        + " to SUCCEEDED; %s%n",
                done.getJsonObject("provenance").getJsonNumber("durationMs").longValue(),
                (System.nanoTime() - start) / 1e9,
                done.getJsonObject("metrics"));
        assertEquals("SUCCEEDED", done.getString("status"), done.toString());
        assertEquals(10, done.getJsonObject("progress").getInt("done"));
        assertEquals(10, done.getJsonObject("progress").getInt("total"));

        JsonObject metrics = done.getJsonObject("metrics");
        JsonObject c = metrics.getJsonObject("classification");
        assertEquals(10, metrics.getInt("items"));
        assertEquals(List.of("blue", "green", "red"), strings(c.getJsonArray("classes")));
        // rows true, columns predicted: red/oops.png is blue and is classified blue
        assertEquals(
                List.of(List.of(3, 0, 0), List.of(0, 3, 0), List.of(1, 0, 3)),
                matrix(c.getJsonArray("confusion")));
        assertEquals(0.9, number(c, "accuracy"), 1e-12);
        // F1 blue 6/7 (P 3/4, R 1), green 1, red 6/7 (P 1, R 3/4)
        assertEquals(19.0 / 21, number(c, "macroF1"), 1e-12);
        assertEquals(0.9, number(metrics.getJsonObject("summary"), "accuracy"), 1e-12);
        assertEquals(19.0 / 21, number(metrics.getJsonObject("summary"), "macroF1"), 1e-12);
        JsonObject blue = c.getJsonArray("perClass").getJsonObject(0);
        assertEquals("blue", blue.getString("label"));
        assertEquals(0.75, number(blue, "precision"), 1e-12);
        assertEquals(1.0, number(blue, "recall"), 1e-12);
        JsonObject mistake = c.getJsonArray("mistakes").getJsonObject(0);
        assertEquals(
                "red blue 1",
                mistake.getString("truth")
                        + " "
                        + mistake.getString("predicted")
                        + " "
                        + mistake.getInt("count"));

        JsonObject provenance = done.getJsonObject("provenance");
        JsonObject version =
                json(get(base, "api/v1/models/" + model + "/versions/1.0.0", rita).body());
        assertEquals(
                version.getJsonObject("artifact").getString("sha256"),
                provenance.getString("modelSha256"));
        assertEquals(
                datasets.get(rita, dataset).getString("sha256"),
                provenance.getString("datasetSha256"));
        JsonObject configuration = provenance.getJsonObject("configuration");
        assertEquals(fileSha(version, "labels.txt"), configuration.getString("labelsSha256"));
        assertEquals(3, configuration.getInt("classes"));
        assertEquals("NCHW", configuration.getString("layout"));
        assertEquals(SIZE, configuration.getInt("width"));
        assertEquals(0.5, configuration.getJsonArray("std").getJsonNumber(2).doubleValue(), 1e-12);
        assertFalse(provenance.getString("hubVersion").isBlank());
        assertTrue(provenance.getJsonNumber("durationMs").longValue() > 0);
        assertEquals("rita.researcher", provenance.getString("createdBy"));
        assertEquals("w-hs", done.getString("tenant"));

        // the worse version: red and blue swapped, only green and the mislabelled image are right
        String worse = json(evaluate(rita, model, "1.1.0", dataset, null).body()).getString("id");
        JsonObject worseDone = await(worse);
        assertEquals("SUCCEEDED", worseDone.getString("status"), worseDone.toString());
        JsonObject w = worseDone.getJsonObject("metrics").getJsonObject("classification");
        assertEquals(
                List.of(List.of(0, 0, 3), List.of(0, 3, 0), List.of(3, 0, 1)),
                matrix(w.getJsonArray("confusion")));
        assertEquals(0.4, number(w, "accuracy"), 1e-12);

        JsonObject board = json(get(base, "api/v1/leaderboards?dataset=" + dataset, rita).body());
        System.out.println("ClassificationEvaluationIT: leaderboard " + board);
        assertEquals("accuracy", board.getString("metric"), "classification ranks by accuracy");
        assertEquals("higher", board.getString("better"));
        JsonArray entries = board.getJsonArray("entries");
        assertEquals(List.of(queued.getString("id"), worse), EvaluationIT.evaluations(entries));
        assertEquals("1.0.0", entries.getJsonObject(0).getString("version"));
        assertEquals(0.9, number(entries.getJsonObject(0), "value"), 1e-12);
        assertEquals(0.4, number(entries.getJsonObject(1), "value"), 1e-12);
        assertEquals(
                "BGR",
                entries.getJsonObject(1).getJsonObject("configuration").getString("channels"));
        JsonObject byF1 =
                json(
                        get(base, "api/v1/leaderboards?metric=macroF1&dataset=" + dataset, rita)
                                .body());
        assertEquals(
                19.0 / 21, number(byF1.getJsonArray("entries").getJsonObject(0), "value"), 1e-12);

        HttpResponse<String> compared =
                get(
                        base,
                        "api/v1/leaderboards/compare?model="
                                + model
                                + "&a=1.0.0&b=1.1.0&dataset="
                                + dataset,
                        rita);
        assertEquals(200, compared.statusCode(), compared.body());
        JsonObject accuracy =
                json(compared.body()).getJsonArray("differences").stream()
                        .map(JsonObject.class::cast)
                        .filter(d -> d.getString("metric").equals("accuracy"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(-0.5, number(accuracy, "difference"), 1e-12);
        assertEquals("a", accuracy.getString("better"));

        // a private dataset's results stay in the tenant
        assertProblem(get(base, EVALUATIONS + "/" + worse, token("gina.admin")), 404);
    }

    @Test
    void aModelThatDoesNotKnowTheDatasetsClassesOrCannotClassifyIsRefused() throws Exception {
        String model = createModel("PRIVATE");
        publishVersion(model, "1.0.0", LABELS, null);
        Map<String, byte[]> withPurple = colourFolders();
        withPurple.put("purple/p1.png", png(new Color(128, 0, 128), SIZE, SIZE));
        String purple = datasets.create(rita, "CLASS_FOLDERS", "image-classification", "PRIVATE");
        datasets.upload(rita, purple, Datasets.zip(withPurple));
        String colours = datasets.create(rita, "CLASS_FOLDERS", "image-classification", "PRIVATE");
        datasets.upload(rita, colours, Datasets.zip(colourFolders()));
        String counts = datasets.create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        datasets.upload(rita, counts, Datasets.zip(Datasets.controls()));
        int before = evaluationsOf(model);

        JsonObject mismatch = assertProblem(evaluate(rita, model, "1.0.0", purple, null), 422);

        String detail = mismatch.getString("detail");
        assertTrue(detail.contains("the class 'purple'"), detail);
        assertTrue(detail.contains(model + " 1.0.0 does not know"), detail);
        assertTrue(detail.contains("names red, green, blue"), detail);

        // no labels.txt
        assertEquals(201, registry.createVersion(rita, model, "2.0.0").statusCode());
        assertEquals(200, registry.upload(rita, model, "2.0.0", classifier()).statusCode());
        JsonObject noLabels = assertProblem(evaluate(rita, model, "2.0.0", colours, null), 422);
        assertTrue(noLabels.getString("detail").contains("has no labels.txt"), noLabels.toString());
        // four labels for three scores
        publishVersion(model, "3.0.0", LABELS + "purple\n", null);
        JsonObject scores = assertProblem(evaluate(rita, model, "3.0.0", colours, null), 422);
        assertTrue(
                scores.getString("detail").contains("gives 3 scores, but labels.txt names 4"),
                scores.toString());
        // the settings come from the version, not from the request
        JsonObject configured =
                assertProblem(
                        evaluate(rita, model, "1.0.0", colours, "{\"scoreThreshold\":0.5}"), 400);
        assertTrue(configured.getString("detail").contains("takes no configuration"));
        // a classifier is not evaluated on counting labels
        JsonObject format = assertProblem(evaluate(rita, model, "1.0.0", counts, null), 409);
        assertTrue(format.getString("detail").contains("CLASS_FOLDERS"), format.toString());
        assertEquals(before, evaluationsOf(model), "nothing was queued");
    }

    private String createModel(String visibility) {
        String name = Registry.unique("colours");
        HttpResponse<String> created =
                registry.createModel(rita, name, visibility, "image-classification");
        assertEquals(201, created.statusCode(), created.body());
        return "w-hs/" + name;
    }

    /** A draft version with the classifier, its labels.txt and an optional preprocessing.json. */
    private void publishVersion(String model, String version, String labels, String preprocessing) {
        HttpResponse<String> created = registry.createVersion(rita, model, version);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> uploaded = registry.upload(rita, model, version, classifier());
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        JsonObject inputs =
                json(uploaded.body())
                        .getJsonObject("artifact")
                        .getJsonArray("inputs")
                        .getJsonObject(0);
        assertEquals(
                List.of(1, 3, SIZE, SIZE),
                inputs.getJsonArray("shape").getValuesAs(JsonNumber.class).stream()
                        .map(JsonNumber::intValue)
                        .toList(),
                "the recorded signature");
        HttpResponse<String> file = registry.uploadFile(rita, model, version, "labels.txt", labels);
        assertEquals(200, file.statusCode(), file.body());
        if (preprocessing != null) {
            HttpResponse<String> p =
                    registry.uploadFile(rita, model, version, "preprocessing.json", preprocessing);
            assertEquals(200, p.statusCode(), p.body());
        }
    }

    /** logits = 10 x the mean of each colour channel (0-1): NCHW [1, 3, 32, 32] -> [1, 3]. */
    static byte[] classifier() {
        float[][] weights = {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
        return TestOnnx.meanColourClassifier(
                List.of(1L, 3L, (long) SIZE, (long) SIZE),
                false,
                weights,
                new float[] {0, 0, 0},
                List.of(1L, 3L));
    }

    /** Three images per colour, PNG and JPEG of several sizes; red/oops.png is blue. */
    static Map<String, byte[]> colourFolders() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Color> colours = Map.of("red", RED, "green", GREEN, "blue", BLUE);
        for (String name : List.of("red", "green", "blue")) {
            Color c = colours.get(name);
            entries.put(name + "/1.png", png(c, SIZE, SIZE));
            entries.put(name + "/2.jpg", jpeg(c, 64, 48));
            entries.put(name + "/3.png", png(c, 40, 60));
        }
        entries.put("red/oops.png", png(BLUE, 50, 50));
        return entries;
    }

    static byte[] png(Color colour, int width, int height) {
        return encode(colour, width, height, "png");
    }

    static byte[] jpeg(Color colour, int width, int height) {
        return encode(colour, width, height, "jpg");
    }

    /** The colour with a grey stripe across, like a sign on a wall. */
    private static byte[] encode(Color colour, int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(colour);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.GRAY);
            g.fillRect(0, height / 3, width, Math.max(1, height / 8));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, out), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
                        + "\""
                        + (configuration == null ? "" : ",\"configuration\":" + configuration)
                        + "}");
    }

    /** Polls the job every 200 ms until it has ended (at most 5 minutes); its last state. */
    JsonObject await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            HttpResponse<String> r = get(base, EVALUATIONS + "/" + id, rita);
            assertEquals(200, r.statusCode(), r.body());
            JsonObject e = json(r.body());
            String status = e.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return e;
            }
            assertTrue(System.nanoTime() < deadline, "still " + status + " after 5 minutes");
            Thread.sleep(200);
        }
    }

    private int evaluationsOf(String model) {
        HttpResponse<String> r = get(base, EVALUATIONS + "?model=" + model, rita);
        assertEquals(200, r.statusCode(), r.body());
        return Hub.parse(r.body()).asJsonArray().size();
    }

    private static String fileSha(JsonObject version, String name) {
        return version.getJsonArray("files").stream()
                .map(JsonObject.class::cast)
                .filter(f -> f.getString("name").equals(name))
                .findFirst()
                .orElseThrow()
                .getString("sha256");
    }

    private static double number(JsonObject o, String key) {
        return o.getJsonNumber(key).doubleValue();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<List<Integer>> matrix(JsonArray rows) {
        return rows.stream()
                .map(JsonArray.class::cast)
                .map(
                        r ->
                                r.getValuesAs(JsonNumber.class).stream()
                                        .map(JsonNumber::intValue)
                                        .toList())
                .toList();
    }
}
