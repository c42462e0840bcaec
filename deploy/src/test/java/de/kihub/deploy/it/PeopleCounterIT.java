package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The flagship model: published at the first start from the real NanoDet-m weights, counting real
 * photos, and camera sessions that store only aggregates.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeopleCounterIT {
    static final String MODEL = "api/v1/models/kihub/people-counter";
    static final String VERSION = MODEL + "/versions/1.0.0";
    static final Path DATA = Path.of(System.getProperty("kihub.test.data", "../../shared/data"));

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;

    @BeforeEach
    void base() throws Exception {
        base = url.toURI();
        assertTrue(
                Files.isDirectory(DATA.resolve("controls")),
                "shared test data missing at "
                        + DATA.toAbsolutePath()
                        + " (-Dkihub.test.data=...)");
    }

    @Test
    void isPublishedPubliclyWithACompleteCardAtFirstStart() {
        JsonObject model = json(get(base, MODEL, null).body());
        assertEquals("PUBLIC", model.getString("visibility"));
        assertEquals(
                "Personenzählung (NanoDet-m)", model.getJsonObject("displayName").getString("de"));
        JsonObject version = json(get(base, VERSION, null).body());
        assertEquals("PUBLISHED", version.getString("status"));
        JsonObject artifact = version.getJsonObject("artifact");
        assertEquals("ONNX", artifact.getString("format"));
        assertEquals(6, artifact.getJsonArray("outputs").size(), artifact.toString());
        JsonObject card = json(get(base, VERSION + "/card", null).body());
        assertEquals(1.0, card.getJsonNumber("completeness").doubleValue(), 1e-9, card.toString());
    }

    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource({"person.jpg, 1", "basketball1.png, 2", "horses.jpg, 0", "dog.jpg, 0"})
    void countsThePeopleInTheControlImages(String image, int people) throws Exception {
        HttpResponse<String> r =
                predict(Files.readAllBytes(DATA.resolve("controls").resolve(image)), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = json(r.body());
        assertEquals(people, answer.getInt("count"), r.body());
        assertEquals(people, answer.getJsonArray("detections").size());
    }

    @Test
    void badImagesAreRefusedQuicklyWithAProblem() throws Exception {
        assertProblem(predict(new byte[0], null), 400);
        assertProblem(predict("not an image".getBytes(), null), 400);
        byte[] png = Files.readAllBytes(DATA.resolve("controls/basketball1.png"));
        JsonObject p = assertProblem(predict(withPngSize(png, 30000, 30000), null), 400);
        assertTrue(p.getString("detail").contains("30000x30000"), p.toString());
        assertProblem(predict(Files.readAllBytes(DATA.resolve("controls/person.jpg")), "2"), 400);
    }

    @Test
    void aSessionCountsFramesAndStoresOnlyIntervalAggregates() throws Exception {
        Registry registry = new Registry(base);
        String mia = token("mia.member");
        JsonObject p =
                assertProblem(
                        registry.json(
                                mia,
                                "POST",
                                VERSION + "/sessions",
                                "{\"lines\":[{\"name\":\"gate\",\"from\":[10,10],\"to\":[10,10]}]}"),
                        400);
        assertTrue(p.getString("detail").length() > 5, p.toString());
        HttpResponse<String> created =
                registry.json(
                        mia,
                        "POST",
                        VERSION + "/sessions",
                        "{\"lines\":[{\"name\":\"gate\",\"from\":[400,0],\"to\":[400,576]}],"
                                + "\"zones\":[{\"name\":\"square\",\"polygon\":[[0,0],[768,0],[768,576],[0,576]]}]}");
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created.body()).getString("id");
        String session = VERSION + "/sessions/" + id;

        byte[] frame = Files.readAllBytes(DATA.resolve("controls/basketball1.png"));
        Instant t = Instant.parse("2026-05-01T18:00:10Z");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = frame(mia, session, frame, t.plusSeconds(30L * i));
            assertEquals(200, r.statusCode(), r.body());
        }
        JsonObject state = json(get(base, session, mia).body());
        assertEquals(3, state.getInt("frames"));
        assertEquals("gate", state.getJsonArray("lines").getJsonObject(0).getString("name"));
        // the first minute is over: its aggregate is stored, and it holds numbers only
        JsonObject interval =
                ((jakarta.json.JsonArray) Hub.parse(get(base, session + "/intervals", mia).body()))
                        .getJsonObject(0);
        assertEquals(2, interval.getInt("frames"));
        assertEquals(2, interval.getInt("maxCount"));
        assertEquals("2026-05-01T18:00:00Z", interval.getString("start"));
        // another tenant cannot see it
        assertProblem(get(base, session, token("gina.admin")), 404);
        assertProblem(frame(token("gina.admin"), session, frame, t), 404);
        // and no image reached the disk
        try (Stream<Path> files = Files.walk(Registry.DATA_DIR)) {
            assertTrue(
                    files.map(f -> f.getFileName().toString().toLowerCase())
                            .noneMatch(n -> n.endsWith(".png") || n.endsWith(".jpg")));
        }
    }

    @Test
    void aRegionOfInterestLimitsWhoIsCounted() throws Exception {
        Registry registry = new Registry(base);
        String bernd = token("bernd.deployer");
        assertProblem(
                registry.json(
                        bernd,
                        "POST",
                        VERSION + "/sessions",
                        "{\"regionOfInterest\":[[0,0],[5,5]]}"),
                400);
        HttpResponse<String> created =
                registry.json(
                        bernd,
                        "POST",
                        VERSION + "/sessions",
                        "{\"regionOfInterest\":[[0,0],[20,0],[20,20],[0,20]]}");
        assertEquals(201, created.statusCode(), created.body());
        String session = VERSION + "/sessions/" + json(created.body()).getString("id");
        byte[] frame = Files.readAllBytes(DATA.resolve("controls/basketball1.png"));
        Instant t = Instant.parse("2026-05-01T20:00:00Z");
        assertEquals(200, frame(bernd, session, frame, t).statusCode());
        assertEquals(200, frame(bernd, session, frame, t.plusSeconds(61)).statusCode());
        JsonObject interval =
                ((jakarta.json.JsonArray)
                                Hub.parse(get(base, session + "/intervals", bernd).body()))
                        .getJsonObject(0);
        assertEquals(0, interval.getInt("maxCount"), "nobody stands in the top-left corner");
    }

    private HttpResponse<String> predict(byte[] image, String threshold) {
        return Hub.send(
                HttpRequest.newBuilder(
                                base.resolve(
                                        VERSION
                                                + "/predict"
                                                + (threshold == null
                                                        ? ""
                                                        : "?threshold=" + threshold)))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image))
                        .build());
    }

    private HttpResponse<String> frame(String token, String session, byte[] image, Instant at) {
        return Hub.send(
                HttpRequest.newBuilder(base.resolve(session + "/frames?capturedAt=" + at))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image))
                        .build());
    }

    /** Rewrites the IHDR width and height (and CRC) of a PNG: a header that lies about its size. */
    static byte[] withPngSize(byte[] png, int width, int height) throws IOException {
        byte[] copy = png.clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(copy);
        b.putInt(16, width).putInt(20, height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(copy, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return copy;
    }
}
