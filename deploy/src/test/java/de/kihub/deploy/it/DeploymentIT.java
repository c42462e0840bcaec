package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.absent;
import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployments: lifecycle with record and sign-off, tenant isolation on every endpoint, machine
 * credentials, a model that cannot count, and upgrade and rollback under load.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentIT {
    static final String GE = "gelsenkirchen";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    Deployer deployer;
    Registry http;
    byte[] photo;

    @BeforeEach
    void base() throws Exception {
        base = url.toURI();
        deployer = new Deployer(base);
        http = deployer.http();
        photo =
                Files.readAllBytes(
                        PeopleCounterIT.DATA.resolve("controls").resolve("basketball1.png"));
    }

    @Test
    void aDeploymentRunsOnlyWithASignedOffRecord() {
        String gina = token("gina.admin");
        String dieter = token("dieter.dpo");
        String id =
                deployer.created(
                        gina, GE, Registry.unique("arena"), Deployer.COUNTER, "1.0.0", null);
        JsonObject d = json(get(base, Deployer.path(GE, id), gina).body());
        assertEquals("PENDING_DOCUMENTATION", d.getString("status"));
        assertEquals("1.0.0", d.getString("version"));
        assertEquals(
                0.45,
                d.getJsonObject("configuration").getJsonNumber("scoreThreshold").doubleValue(),
                1e-6);

        JsonObject p = assertProblem(deployer.action(gina, GE, id, "activate"), 409);
        assertTrue(p.getString("detail").contains("signed off"), p.toString());
        assertProblem(deployer.signOff(dieter, GE, id), 409); // record still empty
        assertEquals(200, deployer.record(gina, GE, id).statusCode());
        assertProblem(deployer.signOff(gina, GE, id), 403); // only a dpo signs off
        assertProblem(deployer.image("Bearer " + gina, GE, id, "predict", photo), 409);

        JsonObject active = deployer.activated(gina, dieter, GE, id);
        assertEquals("ACTIVE", active.getString("status"));
        assertEquals("dieter.dpo", active.getJsonObject("signOff").getString("by"));
        HttpResponse<String> counted = deployer.image("Bearer " + gina, GE, id, "predict", photo);
        assertEquals(200, counted.statusCode(), counted.body());
        assertEquals(2, json(counted.body()).getInt("count"));

        // the same record again is no change; a changed one is no longer signed, and a paused
        // deployment waits for a new sign-off
        JsonObject same = json(deployer.record(gina, GE, id).body());
        assertEquals("dieter.dpo", same.getJsonObject("signOff").getString("by"));
        JsonObject changed =
                json(deployer.record(gina, GE, id, "Besucherströme nach Spielen lenken").body());
        assertEquals("ACTIVE", changed.getString("status"));
        assertTrue(absent(changed, "signOff"), changed.toString());
        assertEquals(
                "PAUSED", json(deployer.action(gina, GE, id, "pause").body()).getString("status"));
        assertProblem(deployer.image("Bearer " + gina, GE, id, "predict", photo), 409);
        assertProblem(deployer.action(gina, GE, id, "activate"), 409);
        assertEquals(200, deployer.signOff(dieter, GE, id).statusCode());
        assertEquals(
                "ACTIVE",
                json(deployer.action(gina, GE, id, "activate").body()).getString("status"));

        JsonObject retired = json(deployer.action(gina, GE, id, "retire").body());
        assertEquals("RETIRED", retired.getString("status"));
        assertProblem(deployer.image("Bearer " + gina, GE, id, "predict", photo), 409);
        assertProblem(deployer.action(gina, GE, id, "activate"), 409);
        assertProblem(deployer.record(gina, GE, id), 409);

        String trail = get(base, "api/v1/audit?limit=200", gina).body();
        for (String action :
                List.of(
                        "deployment.create",
                        "deployment.record",
                        "deployment.sign-off",
                        "deployment.activate",
                        "deployment.pause",
                        "deployment.retire")) {
            assertTrue(trail.contains(action), action);
        }
    }

    @Test
    void anotherTenantCannotSeeCallConfigureOrReadCounts() {
        String gina = token("gina.admin");
        String id = deployer.activeCounter(Registry.unique("isolated"), null);
        String bernd = token("bernd.deployer");
        String dep = Deployer.path(GE, id);
        assertProblem(get(base, dep, bernd), 404);
        assertProblem(get(base, Deployer.path(GE), bernd), 404);
        assertProblem(get(base, dep + "/counts", bernd), 404);
        assertProblem(get(base, dep + "/credentials", bernd), 404);
        assertProblem(deployer.image("Bearer " + bernd, GE, id, "predict", photo), 404);
        assertProblem(http.json(bernd, "PUT", dep + "/configuration", "{}"), 404);
        assertProblem(http.json(bernd, "POST", dep + "/sessions", "{}"), 404);
        assertProblem(http.json(bernd, "POST", dep + "/credentials", "{\"name\":\"x\"}"), 404);
        for (String action : List.of("pause", "retire", "rollback")) {
            assertProblem(deployer.action(bernd, GE, id, action), 404);
        }
        assertProblem(deployer.record(bernd, GE, id), 404);
        // nor under its own tenant's address
        assertProblem(get(base, Deployer.path("bochum", id), bernd), 404);
        assertFalse(get(base, Deployer.path("bochum"), bernd).body().contains(id));
        // a member of the tenant without the deployer role may look and call, not change
        assertProblem(
                deployer.create(
                        token("mia.member"), "bochum", "nope", Deployer.COUNTER, "1.0.0", null),
                403);
        // and without a token nothing at all
        assertProblem(get(base, dep, null), 401);
        assertProblem(deployer.image(null, GE, id, "predict", photo), 401);
        assertEquals("ACTIVE", json(get(base, dep, gina).body()).getString("status"));
    }

    @Test
    void machineCredentialsCallOnlyTheirDeploymentAndStopWhenRotatedOrRevoked() throws Exception {
        String gina = token("gina.admin");
        String id = deployer.activeCounter(Registry.unique("gate"), null);
        String other = deployer.activeCounter(Registry.unique("gate"), null);
        String credentials = Deployer.path(GE, id) + "/credentials";
        HttpResponse<String> issued =
                http.json(gina, "POST", credentials, "{\"name\":\"Kamera Nord\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject credential = json(issued.body());
        String key = credential.getString("key");
        String cid = credential.getString("id");
        assertTrue(key.startsWith("kihub_"), key);

        assertEquals(200, deployer.image("ApiKey " + key, GE, id, "predict", photo).statusCode());
        assertEquals(
                201, apiKeyJson(key, "POST", Deployer.path(GE, id) + "/sessions").statusCode());
        assertEquals(200, apiKeyJson(key, "GET", Deployer.path(GE, id) + "/counts").statusCode());
        // the key is for this deployment only, and for nothing else in the hub
        assertProblem(deployer.image("ApiKey " + key, GE, other, "predict", photo), 403);
        assertProblem(deployer.image("ApiKey " + key, "bochum", id, "predict", photo), 404);
        assertProblem(apiKeyJson(key, "GET", Deployer.path(GE)), 404);
        assertProblem(apiKeyJson(key, "GET", credentials), 404);
        // the list never shows a secret; a dpo may not manage keys
        String listed = get(base, credentials, gina).body();
        assertTrue(
                listed.contains("Kamera Nord") && !listed.contains(Deployer.secretOf(key)), listed);
        assertProblem(get(base, credentials, token("dieter.dpo")), 403);
        assertProblem(deployer.image("ApiKey kihub_nonsense", GE, id, "predict", photo), 401);

        HttpResponse<String> rotated =
                http.json(gina, "POST", credentials + "/" + cid + "/rotate", "{}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newKey = json(rotated.body()).getString("key");
        assertEquals(401, statusWithin(key, id, 401));
        assertEquals(
                200, deployer.image("ApiKey " + newKey, GE, id, "predict", photo).statusCode());

        assertEquals(200, http.json(gina, "DELETE", credentials + "/" + cid, "").statusCode());
        assertEquals(401, statusWithin(newKey, id, 401));
        assertProblem(http.json(gina, "POST", credentials + "/" + cid + "/rotate", "{}"), 409);
        String trail = get(base, "api/v1/audit?limit=200", gina).body();
        assertTrue(trail.contains("credential.rotate") && trail.contains("credential.revoke"));
        assertFalse(trail.contains(newKey), "no key in the audit trail");
    }

    @Test
    void aModelThatCannotCountIsNotActivated() {
        String model =
                publishedCounter(Registry.unique("broken"), TestOnnx.identityModel(), "1.0.0");
        String gina = token("gina.admin");
        String id = deployer.created(gina, GE, Registry.unique("broken"), model, "1.0.0", null);
        assertEquals(200, deployer.record(gina, GE, id).statusCode());
        assertEquals(200, deployer.questionnaire(gina, GE, id).statusCode());
        assertEquals(200, deployer.signOff(token("dieter.dpo"), GE, id).statusCode());
        JsonObject p = assertProblem(deployer.action(gina, GE, id, "activate"), 422);
        assertTrue(p.getString("detail").length() > 20, p.toString());
        assertEquals(
                "READY", json(get(base, Deployer.path(GE, id), gina).body()).getString("status"));
    }

    @Test
    void malformedRequestsGetAClearProblem() {
        String gina = token("gina.admin");
        String name = Registry.unique("dup");
        deployer.created(gina, GE, name, Deployer.COUNTER, "1.0.0", null);
        assertProblem(deployer.create(gina, GE, name, Deployer.COUNTER, "1.0.0", null), 409);
        assertProblem(
                deployer.create(gina, GE, "Not A Slug", Deployer.COUNTER, "1.0.0", null), 400);
        assertProblem(deployer.create(gina, GE, "x1", "kihub/no-such-model", "1.0.0", null), 404);
        assertProblem(deployer.create(gina, GE, "x2", "people-counter", "1.0.0", null), 400);
        assertProblem(deployer.create(gina, GE, "x3", Deployer.COUNTER, "9.9.9", null), 404);
        assertProblem(deployer.create(gina, GE, "x4", Deployer.COUNTER, "one", null), 400);
        assertProblem(http.json(gina, "POST", Deployer.path(GE), "{\"name\":"), 400);
        assertProblem(http.json(gina, "POST", Deployer.path(GE), ""), 400);
        assertProblem(get(base, Deployer.path(GE, "not-a-uuid"), gina), 400);
        assertProblem(
                get(base, Deployer.path(GE, java.util.UUID.randomUUID().toString()), gina), 404);
        String id = deployer.activeCounter(Registry.unique("input"), null);
        assertProblem(
                deployer.image(
                        "Bearer " + gina,
                        GE,
                        id,
                        "predict",
                        "no image".getBytes(StandardCharsets.UTF_8)),
                400);
        assertProblem(deployer.image("Bearer " + gina, GE, id, "predict", new byte[0]), 400);
        assertProblem(
                http.json(
                        gina,
                        "POST",
                        Deployer.path(GE, id) + "/upgrade",
                        "{\"version\":\"1.0.0\"}"),
                409);
        assertProblem(deployer.action(gina, GE, id, "rollback"), 409);
    }

    @Test
    void upgradeAndRollbackUnderLoadLoseNoRequest() throws Exception {
        byte[] nanodet = download("kihub/people-counter", "1.0.0");
        String model = publishedCounter(Registry.unique("counter"), nanodet, "1.0.0");
        publishVersion(model, "1.1.0", withDocString(nanodet, "retrained"));
        String gina = token("gina.admin");
        String id =
                deployer.created(
                        gina,
                        GE,
                        Registry.unique("load"),
                        model,
                        "1.0.0",
                        "{\"scoreThreshold\":0.4}");
        deployer.activated(gina, token("dieter.dpo"), GE, id);
        String key =
                json(http.json(
                                        gina,
                                        "POST",
                                        Deployer.path(GE, id) + "/credentials",
                                        "{\"name\":\"load\"}")
                                .body())
                        .getString("key");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            loops.add(
                    clients.submit(
                            () -> {
                                while (running.get()) {
                                    HttpResponse<String> r =
                                            deployer.image(
                                                    "ApiKey " + key, GE, id, "predict", photo);
                                    if (r.statusCode() == 200) {
                                        ok.incrementAndGet();
                                    } else {
                                        failures.put(r.statusCode(), r.body());
                                    }
                                }
                            }));
        }
        try {
            waitFor(ok, 5);
            HttpResponse<String> up =
                    http.json(
                            gina,
                            "POST",
                            Deployer.path(GE, id) + "/upgrade",
                            "{\"version\":\"1.1.0\"}");
            assertEquals(200, up.statusCode(), up.body());
            JsonObject upgraded = json(up.body());
            assertEquals("1.1.0", upgraded.getString("version"));
            assertEquals("1.0.0", upgraded.getString("previousVersion"));
            assertEquals(
                    0.4,
                    upgraded.getJsonObject("configuration")
                            .getJsonNumber("scoreThreshold")
                            .doubleValue(),
                    1e-6);
            waitFor(ok, ok.get() + 5);
            HttpResponse<String> back = deployer.action(gina, GE, id, "rollback");
            assertEquals(200, back.statusCode(), back.body());
            assertEquals("1.0.0", json(back.body()).getString("version"));
            waitFor(ok, ok.get() + 5);
        } finally {
            running.set(false);
            for (Future<?> f : loops) {
                f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }
        assertTrue(failures.isEmpty(), failures.toString());
        String trail = get(base, "api/v1/audit?limit=200", gina).body();
        assertTrue(trail.contains("deployment.upgrade") && trail.contains("deployment.rollback"));
    }

    /** Polls until a revoked or rotated key gets the status (it may be cached for ~2 seconds). */
    private int statusWithin(String key, String id, int expected) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 50 && status != expected; i++) {
            status = deployer.image("ApiKey " + key, GE, id, "predict", photo).statusCode();
            if (status != expected) {
                Thread.sleep(200);
            }
        }
        return status;
    }

    private HttpResponse<String> apiKeyJson(String key, String method, String path) {
        return Hub.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "ApiKey " + key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        method.equals("GET") ? "" : "{}"))
                        .build());
    }

    private static void waitFor(AtomicInteger counter, int atLeast) throws InterruptedException {
        for (int i = 0; i < 600 && counter.get() < atLeast; i++) {
            Thread.sleep(100);
        }
        assertTrue(counter.get() >= atLeast, "only " + counter.get() + " answers");
    }

    /** A PUBLIC people-counting model of w-hs with one published version; returns owner/name. */
    private String publishedCounter(String name, byte[] onnx, String version) {
        String rita = token("rita.researcher");
        HttpResponse<String> created = http.createModel(rita, name, "PUBLIC");
        assertEquals(201, created.statusCode(), created.body());
        String model = "w-hs/" + name;
        assertEquals(
                "/api/v1/models/" + model,
                URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
        publishVersion(model, version, onnx);
        return model;
    }

    private void publishVersion(String model, String version, byte[] onnx) {
        String rita = token("rita.researcher");
        assertEquals(201, http.createVersion(rita, model, version).statusCode());
        HttpResponse<String> up = http.upload(rita, model, version, onnx);
        assertEquals(200, up.statusCode(), up.body());
        assertEquals(200, http.action(rita, model, version, "submit", null).statusCode());
        HttpResponse<String> ok =
                http.action(token("carla.curator"), model, version, "approve", "ok");
        assertEquals(200, ok.statusCode(), ok.body());
    }

    private byte[] download(String model, String version) {
        try {
            return Hub.HTTP
                    .send(
                            HttpRequest.newBuilder(http.artifactUri(model, version)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same ONNX model with another doc_string (ModelProto field 6, appended; the last value of
     * a protobuf field wins): another artifact with the same weights, as a retrained model would
     * be.
     */
    static byte[] withDocString(byte[] onnx, String text) {
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[onnx.length + 2 + value.length];
        System.arraycopy(onnx, 0, out, 0, onnx.length);
        out[onnx.length] = (6 << 3) | 2;
        out[onnx.length + 1] = (byte) value.length;
        System.arraycopy(value, 0, out, onnx.length + 2, value.length);
        return out;
    }

    static JsonArray array(String body) {
        return (JsonArray) Hub.parse(body);
    }
}
