package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
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
 * photos anonymously ("try it"). Camera sessions run through deployments (CountingDeploymentIT).
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
