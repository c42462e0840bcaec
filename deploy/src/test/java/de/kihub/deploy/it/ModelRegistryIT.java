package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import de.kihub.registry.artifact.TestTorchScript;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A researcher publishes a real ONNX model, a curator approves it; every kind of bad input is
 * refused with problem+json and leaves no file and no row behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModelRegistryIT {
    static final long UPLOAD_LIMIT = Long.getLong("kihub.it.max-upload-bytes", 32L << 20);

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    Registry registry;
    String rita;

    @BeforeEach
    void setUp() throws Exception {
        registry = new Registry(url.toURI());
        rita = token("rita.researcher");
    }

    /** A model of rita's with a draft version 1.0.0; returns "w-hs/name". */
    String draft(String visibility) {
        String name = Registry.unique("counter");
        assertEquals(201, registry.createModel(rita, name, visibility).statusCode());
        String model = "w-hs/" + name;
        assertEquals(201, registry.createVersion(rita, model, "1.0.0").statusCode());
        return model;
    }

    @Test
    void researcherPublishesARealOnnxModelAndACuratorApprovesIt() throws Exception {
        String model = draft("PUBLIC");
        String mia = token("mia.member");
        // PUBLIC is only requested: until a curator approves, other tenants do not see it
        JsonObject created = json(get(url.toURI(), "api/v1/models/" + model, rita).body());
        assertEquals("PRIVATE", created.getString("visibility"));
        assertEquals("PUBLIC", created.getString("requestedVisibility"));
        assertProblem(get(url.toURI(), "api/v1/models/" + model, mia), 404);

        byte[] onnx = TestOnnx.identityModel();
        HttpResponse<String> up = registry.upload(rita, model, "1.0.0", onnx);
        assertEquals(200, up.statusCode(), up.body());
        JsonObject artifact = json(up.body()).getJsonObject("artifact");
        assertEquals("ONNX", artifact.getString("format"));
        assertEquals(sha256(onnx), artifact.getString("sha256"));
        assertEquals(onnx.length, artifact.getJsonNumber("size").longValue());
        JsonObject input = artifact.getJsonArray("inputs").getJsonObject(0);
        assertEquals("x", input.getString("name"));
        assertEquals("[1,3]", input.getJsonArray("shape").toString());

        assertEquals("IN_REVIEW", status(registry.action(rita, model, "1.0.0", "submit", null)));
        assertEquals(
                "PUBLISHED",
                status(registry.action(token("carla.curator"), model, "1.0.0", "approve", "fine")));

        JsonObject published = json(get(url.toURI(), "api/v1/models/" + model, mia).body());
        assertEquals("PUBLIC", published.getString("visibility"));
        assertEquals(200, get(url.toURI(), "api/v1/models/" + model, null).statusCode());

        // anyone may download a public version; ETag is the sha256
        HttpResponse<byte[]> download =
                Hub.HTTP.send(
                        HttpRequest.newBuilder(registry.artifactUri(model, "1.0.0")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(onnx, download.body());
        assertEquals(
                "\"" + sha256(onnx) + "\"", download.headers().firstValue("ETag").orElseThrow());
        assertEquals(
                String.valueOf(onnx.length),
                download.headers().firstValue("Content-Length").orElseThrow());
        HttpResponse<String> cached =
                Hub.send(
                        HttpRequest.newBuilder(registry.artifactUri(model, "1.0.0"))
                                .header("If-None-Match", "\"" + sha256(onnx) + "\"")
                                .build());
        assertEquals(304, cached.statusCode());

        assertEquals(
                "DEPRECATED", status(registry.action(rita, model, "1.0.0", "deprecate", null)));
        assertEquals("ARCHIVED", status(registry.action(rita, model, "1.0.0", "archive", null)));

        String audit =
                get(url.toURI(), "api/v1/audit?tenant=w-hs&limit=500", token("carla.curator"))
                        .body();
        for (String action :
                new String[] {
                    "model.created",
                    "version.created",
                    "version.artifact-uploaded",
                    "version.submit",
                    "version.approve",
                    "version.deprecate",
                    "version.archive"
                }) {
            assertTrue(audit.contains("\"" + action + "\""), action + " audited: " + audit);
        }
    }

    @Test
    void aRealTorchScriptModelLoadsWithPyTorch() throws Exception {
        String model = draft("PRIVATE");
        HttpResponse<String> up = registry.upload(rita, model, "1.0.0", TestTorchScript.addOne());
        assertEquals(200, up.statusCode(), up.body());
        JsonObject artifact = json(up.body()).getJsonObject("artifact");
        assertEquals("TORCHSCRIPT", artifact.getString("format"));
        assertEquals("PyTorch", artifact.getString("engine"));
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        byte[] onnx = TestOnnx.identityModel();
        String a = draft("PRIVATE");
        String b = draft("PRIVATE");
        assertEquals(200, registry.upload(rita, a, "1.0.0", onnx).statusCode());
        long before = Registry.storedObjects();
        assertEquals(200, registry.upload(rita, b, "1.0.0", onnx).statusCode());
        assertEquals(before, Registry.storedObjects());
    }

    @Test
    void aRejectedVersionReturnsToDraftWithTheCuratorsComment() throws Exception {
        String model = draft("PRIVATE");
        assertEquals(
                200, registry.upload(rita, model, "1.0.0", TestOnnx.identityModel()).statusCode());
        registry.action(rita, model, "1.0.0", "submit", null);
        assertProblem(registry.action(token("carla.curator"), model, "1.0.0", "reject", null), 400);
        HttpResponse<String> r =
                registry.action(
                        token("carla.curator"), model, "1.0.0", "reject", "Model card is missing");
        assertEquals("DRAFT", status(r));
        assertEquals("Model card is missing", json(r.body()).getString("reviewComment"));
    }

    @Test
    void badUploadsAreRefusedAndLeaveNothingBehind() throws Exception {
        String model = draft("PRIVATE");
        long objects = Registry.storedObjects();
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[] onnx = TestOnnx.identityModel();
        byte[] truncated = java.util.Arrays.copyOf(onnx, onnx.length - 10);

        assertRefused(registry.upload(rita, model, "1.0.0", random), 422);
        assertRefused(registry.upload(rita, model, "1.0.0", truncated), 422);
        assertRefused(registry.upload(rita, model, "1.0.0", TestOnnx.unknownOperator()), 422);
        assertRefused(registry.upload(rita, model, "1.0.0", zip("../evil.onnx", onnx)), 422);
        assertRefused(registry.upload(rita, model, "1.0.0", zipBomb()), 422);

        assertEquals(objects, Registry.storedObjects(), "no artifact file kept");
        assertEquals(0, Registry.temporaryFiles(), "no temporary file left");
        JsonObject version =
                json(get(url.toURI(), "api/v1/models/" + model + "/versions/1.0.0", rita).body());
        assertTrue(Hub.absent(version, "artifact"), version.toString());
        // and without an inspected artifact the version cannot be submitted
        assertProblem(registry.action(rita, model, "1.0.0", "submit", null), 409);
    }

    @Test
    void uploadsOverTheLimitAreRefusedAlsoWithoutContentLength() throws Exception {
        String model = draft("PRIVATE");
        long tooMuch = UPLOAD_LIMIT + (1 << 20);
        // chunked: no Content-Length, the server counts while streaming
        HttpResponse<String> chunked =
                registry.send(
                        rita,
                        HttpRequest.newBuilder(registry.artifactUri(model, "1.0.0"))
                                .PUT(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () -> zeros(tooMuch))));
        assertRefused(chunked, 413);
        assertEquals(0, Registry.temporaryFiles());
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        String model = draft("PRIVATE");
        URI uri = registry.artifactUri(model, "1.0.0");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            // claims more than the limit, then sends only a few bytes: the answer must not wait for
            // the rest
            out.write(
                    ("PUT "
                                    + uri.getRawPath()
                                    + " HTTP/1.1\r\n"
                                    + "Host: "
                                    + uri.getHost()
                                    + ":"
                                    + uri.getPort()
                                    + "\r\n"
                                    + "Authorization: Bearer "
                                    + rita
                                    + "\r\n"
                                    + "Content-Type: application/octet-stream\r\n"
                                    + "Content-Length: "
                                    + (UPLOAD_LIMIT + 1)
                                    + "\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            String status =
                    new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
        assertEquals(0, Registry.temporaryFiles());
    }

    @Test
    void extraTextFilesTravelWithTheVersion() throws Exception {
        String model = draft("PRIVATE");
        URI labels = registry.artifactUri(model, "1.0.0").resolve("files/labels.txt");
        byte[] text = "person\nFußgänger\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> up =
                registry.send(
                        rita,
                        HttpRequest.newBuilder(labels)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(text)));
        assertEquals(200, up.statusCode(), up.body());
        JsonObject file = json(up.body()).getJsonArray("files").getJsonObject(0);
        assertEquals("labels.txt", file.getString("name"));
        assertEquals(sha256(text), file.getString("sha256"));
        HttpResponse<byte[]> down =
                Hub.HTTP.send(
                        HttpRequest.newBuilder(labels)
                                .header("Authorization", "Bearer " + rita)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(text, down.body());

        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0, 0};
        assertRefused(
                registry.send(
                        rita,
                        HttpRequest.newBuilder(labels)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(pickle))),
                422);
        assertRefused(
                registry.send(
                        rita,
                        HttpRequest.newBuilder(labels.resolve("bad%20name!.txt"))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(text))),
                400);
        HttpResponse<String> removed = registry.send(rita, HttpRequest.newBuilder(labels).DELETE());
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(0, json(removed.body()).getJsonArray("files").size());
    }

    @Test
    void ownersPatchMetadataAndTheAuditKeepsBeforeAndAfter() throws Exception {
        String model = draft("PRIVATE");
        HttpResponse<String> patched =
                registry.json(
                        rita,
                        "PATCH",
                        "api/v1/models/" + model,
                        "{\"tags\":[\"Fußgänger\",\"Zählung\"],\"domain\":\"Mobilität\"}");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonObject m = json(patched.body());
        assertEquals("Mobilität", m.getString("domain"));
        assertEquals("[\"fußgänger\",\"zählung\"]", m.getJsonArray("tags").toString());
        assertEquals(
                "Personenzählung", m.getJsonObject("displayName").getString("de"), "unchanged");
        String audit =
                get(url.toURI(), "api/v1/audit?tenant=w-hs&limit=20", token("carla.curator"))
                        .body();
        assertTrue(audit.contains("domain: Sicherheit & Ordnung -> Mobilität"), audit);
        // other tenants cannot even see it, let alone change it
        assertProblem(
                registry.json(
                        token("mia.member"),
                        "PATCH",
                        "api/v1/models/" + model,
                        "{\"license\":\"MIT\"}"),
                404);
        assertProblem(
                registry.json(
                        rita, "PATCH", "api/v1/models/" + model, "{\"license\":\"not a licence\"}"),
                400);
    }

    @Test
    void theCardIsWrittenPerSectionAndCopiedToTheNextVersion() throws Exception {
        String model = draft("PRIVATE");
        String card = "api/v1/models/" + model + "/versions/1.0.0/card";
        HttpResponse<String> put =
                registry.json(
                        rita,
                        "PUT",
                        card,
                        "{\"sections\":{\"INTENDED_USE\":{\"de\":\"Besucherströme zählen\","
                                + "\"en\":\"Counting visitor flows\"},\"TRAINING_DATA\":{\"de\":\"COCO\"}}}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(1.0 / 9, json(put.body()).getJsonNumber("completeness").doubleValue(), 1e-9);
        assertProblem(registry.json(rita, "PUT", card, "{\"sections\":{\"NO_SUCH\":{}}}"), 400);
        assertProblem(get(url.toURI(), card, token("mia.member")), 404);

        registry.upload(rita, model, "1.0.0", TestOnnx.identityModel());
        registry.action(rita, model, "1.0.0", "submit", null);
        registry.action(token("carla.curator"), model, "1.0.0", "approve", null);
        assertProblem(registry.json(rita, "PUT", card, "{\"sections\":{}}"), 409);

        assertEquals(201, registry.createVersion(rita, model, "1.1.0").statusCode());
        JsonObject copied =
                json(
                        get(url.toURI(), "api/v1/models/" + model + "/versions/1.1.0/card", rita)
                                .body());
        assertEquals(
                "Counting visitor flows",
                copied.getJsonObject("sections").getJsonObject("INTENDED_USE").getString("en"));
    }

    @Test
    void versionsAreSemanticAndUnique() throws Exception {
        String model = draft("PRIVATE");
        assertProblem(registry.createVersion(rita, model, "1.0.0"), 409);
        JsonObject p = assertProblem(registry.createVersion(rita, model, "1.0"), 400);
        assertTrue(p.getString("detail").contains("semantic version"), p.toString());
    }

    @Test
    void rolesAndTenantsAreCheckedOnEveryChange() throws Exception {
        String model = draft("PRIVATE");
        // a member may not publish at all
        assertProblem(
                registry.createModel(token("mia.member"), Registry.unique("x"), "PRIVATE"), 403);
        // a publisher of another tenant does not even see rita's private model
        KeycloakAdmin.ensureUser("paul.publisher", "publisher", "bochum");
        String paul = token("paul.publisher");
        assertProblem(registry.upload(paul, model, "1.0.0", TestOnnx.identityModel()), 404);
        assertProblem(registry.createVersion(paul, model, "2.0.0"), 404);
        // a curator cannot approve what was never submitted
        assertProblem(
                registry.action(token("carla.curator"), model, "1.0.0", "approve", null), 409);
        // and nobody signs anonymously
        assertProblem(registry.createModel(null, Registry.unique("x"), "PRIVATE"), 401);
    }

    @Test
    void aPublisherOfAnotherTenantCannotUploadToAPublicModel() throws Exception {
        String model = draft("PUBLIC");
        registry.upload(rita, model, "1.0.0", TestOnnx.identityModel());
        registry.action(rita, model, "1.0.0", "submit", null);
        registry.action(token("carla.curator"), model, "1.0.0", "approve", null);
        KeycloakAdmin.ensureUser("paul.publisher", "publisher", "bochum");
        String paul = token("paul.publisher");
        assertProblem(registry.createVersion(paul, model, "2.0.0"), 403);
        assertEquals(201, registry.createVersion(rita, model, "2.0.0").statusCode());
        assertProblem(registry.upload(paul, model, "2.0.0", TestOnnx.identityModel()), 404);
    }

    @Test
    void badJsonIsAClearProblem() throws Exception {
        JsonObject p =
                assertProblem(registry.json(rita, "POST", "api/v1/models", "{\"name\": "), 400);
        assertTrue(p.getString("detail").length() > 10, p.toString());
        p =
                assertProblem(
                        registry.json(
                                rita,
                                "POST",
                                "api/v1/models",
                                "{\"name\":\"x-1\",\"displayName\":{\"de\":\"a\",\"en\":\"b\"},\"task\":\"mind-reading\","
                                        + "\"domain\":\"Umwelt\",\"license\":\"MIT\"}"),
                        400);
        assertTrue(p.getString("detail").contains("mind-reading"), p.toString());
    }

    private static void assertRefused(HttpResponse<String> r, int status) {
        assertProblem(r, status);
        assertEquals(0, Registry.temporaryFiles(), "no temporary file after " + status);
    }

    private static String status(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).getString("status");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** One entry of 1 GiB zeros, about 1 MB deflated. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("model/model.onnx"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static InputStream zeros(long length) {
        return new InputStream() {
            long left = length;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
