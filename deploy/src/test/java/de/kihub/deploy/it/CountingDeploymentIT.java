package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
 * A municipality's counting deployment: its configuration is checked when it is set, cameras count
 * in sessions with the deployment's lines and zones, and only aggregates are stored and read back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CountingDeploymentIT {
    static final Path DATA = PeopleCounterIT.DATA;
    static final String TENANT = "gelsenkirchen";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    Deployer deployer;

    @BeforeEach
    void base() throws Exception {
        base = url.toURI();
        deployer = new Deployer(base);
    }

    @Test
    void aBadConfigurationIsRefusedWithTheReason() {
        String gina = token("gina.admin");
        String[][] cases = {
            {"{\"lines\":[{\"name\":\"gate\",\"from\":[10,10],\"to\":[10,10]}]}", "line"},
            {"{\"regionOfInterest\":[[0,0],[5,5]]}", "region of interest"},
            {"{\"scoreThreshold\":2}", "threshold"},
            {"{\"aggregationSeconds\":45}", "aggregationSeconds"},
            {"{\"retentionDays\":0}", "retentionDays"},
            {"{\"colour\":\"red\"}", "colour"},
            {"{\"lines\":\"gate\"}", "types"},
            {
                "{\"lines\":[{\"name\":\"a\",\"from\":[0,0],\"to\":[9,9]},"
                        + "{\"name\":\"a\",\"from\":[1,0],\"to\":[9,9]}]}",
                "own name"
            },
        };
        for (String[] c : cases) {
            JsonObject p =
                    assertProblem(
                            deployer.create(
                                    gina,
                                    TENANT,
                                    Registry.unique("bad"),
                                    Deployer.COUNTER,
                                    "1.0.0",
                                    c[0]),
                            400);
            assertTrue(
                    p.getString("detail").toLowerCase().contains(c[1].toLowerCase()),
                    c[0] + " -> " + p);
        }
    }

    @Test
    void aSessionCountsFramesAndStoresOnlyIntervalAggregates() throws Exception {
        String id =
                deployer.activeCounter(
                        Registry.unique("arena"),
                        "{\"lines\":[{\"name\":\"gate\",\"from\":[400,0],\"to\":[400,576]}],"
                                + "\"zones\":[{\"name\":\"square\",\"polygon\":[[0,0],[768,0],[768,576],[0,576]]}],"
                                + "\"retentionDays\":30}");
        String mia = token("mia.member");
        String dieter = token("dieter.dpo");
        HttpResponse<String> created =
                deployer.http().json(dieter, "POST", Deployer.path(TENANT, id) + "/sessions", "{}");
        assertEquals(201, created.statusCode(), created.body());
        String session =
                Deployer.path(TENANT, id) + "/sessions/" + json(created.body()).getString("id");

        byte[] frame = Files.readAllBytes(DATA.resolve("controls/basketball1.png"));
        Instant t = Instant.parse("2026-05-01T18:00:10Z");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = frame(dieter, session, frame, t.plusSeconds(30L * i));
            assertEquals(200, r.statusCode(), r.body());
        }
        JsonObject state = json(get(base, session, dieter).body());
        assertEquals(3, state.getInt("frames"));
        assertEquals("gate", state.getJsonArray("lines").getJsonObject(0).getString("name"));
        // the first minute is over: its aggregate is stored, and it holds numbers only
        JsonObject interval =
                ((JsonArray) Hub.parse(get(base, session + "/intervals", dieter).body()))
                        .getJsonObject(0);
        assertEquals(2, interval.getInt("frames"));
        assertEquals(2, interval.getInt("maxCount"));
        assertEquals("2026-05-01T18:00:00Z", interval.getString("start"));

        // ending the session stores the open minute; counts regroup all of it by hour
        assertEquals(200, deployer.http().json(dieter, "DELETE", session, "").statusCode());
        HttpResponse<String> counts =
                get(
                        base,
                        Deployer.path(TENANT, id)
                                + "/counts?from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z&interval=PT1H",
                        dieter);
        assertEquals(200, counts.statusCode(), counts.body());
        JsonArray buckets = json(counts.body()).getJsonArray("buckets");
        assertEquals(1, buckets.size(), counts.body());
        assertEquals("2026-05-01T18:00:00Z", buckets.getJsonObject(0).getString("start"));
        assertEquals(3, buckets.getJsonObject(0).getInt("frames"));
        assertEquals(2.0, buckets.getJsonObject(0).getJsonNumber("meanCount").doubleValue(), 1e-9);
        assertProblem(get(base, Deployer.path(TENANT, id) + "/counts?interval=PT30S", dieter), 400);
        assertProblem(get(base, Deployer.path(TENANT, id) + "/counts?from=yesterday", dieter), 400);

        // another tenant cannot see, feed or read any of it
        assertProblem(get(base, session, mia), 404);
        assertProblem(frame(mia, session, frame, t), 404);
        assertProblem(get(base, Deployer.path(TENANT, id) + "/counts", mia), 404);
        // and no image reached the disk
        try (Stream<Path> files = Files.walk(Registry.DATA_DIR)) {
            assertTrue(
                    files.map(f -> f.getFileName().toString().toLowerCase())
                            .noneMatch(n -> n.endsWith(".png") || n.endsWith(".jpg")));
        }
    }

    @Test
    void aRegionOfInterestLimitsWhoIsCounted() throws Exception {
        String id =
                deployer.activeCounter(
                        Registry.unique("corner"),
                        "{\"regionOfInterest\":[[0,0],[20,0],[20,20],[0,20]]}");
        String gina = token("gina.admin");
        HttpResponse<String> predicted =
                deployer.image(
                        "Bearer " + gina,
                        TENANT,
                        id,
                        "predict",
                        Files.readAllBytes(DATA.resolve("controls/basketball1.png")));
        assertEquals(200, predicted.statusCode(), predicted.body());
        assertEquals(0, json(predicted.body()).getInt("count"), "nobody stands in the corner");
    }

    @Test
    void aggregatesOlderThanTheRetentionPeriodAreDeleted() throws Exception {
        String id = deployer.activeCounter(Registry.unique("short"), "{\"retentionDays\":2}");
        String gina = token("gina.admin");
        String dep = Deployer.path(TENANT, id);
        byte[] frame = Files.readAllBytes(DATA.resolve("controls/person.jpg"));
        Instant old =
                Instant.now()
                        .minus(java.time.Duration.ofDays(3))
                        .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant recent =
                Instant.now()
                        .minus(java.time.Duration.ofHours(1))
                        .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (Instant at : List.of(old, recent)) {
            HttpResponse<String> created =
                    deployer.http().json(gina, "POST", dep + "/sessions", "{}");
            String session = dep + "/sessions/" + json(created.body()).getString("id");
            assertEquals(200, frame(gina, session, frame, at).statusCode());
            assertEquals(200, deployer.http().json(gina, "DELETE", session, "").statusCode());
        }
        String range =
                "/counts?from="
                        + old.minus(java.time.Duration.ofDays(1))
                        + "&to="
                        + Instant.now()
                        + "&interval=PT1H";
        assertEquals(2, json(get(base, dep + range, gina).body()).getJsonArray("buckets").size());

        assertProblem(
                deployer.http().json(gina, "POST", "api/v1/admin/counting/retention", "{}"), 403);
        HttpResponse<String> run =
                deployer.http()
                        .json(
                                token("carla.curator"),
                                "POST",
                                "api/v1/admin/counting/retention",
                                "{}");
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(json(run.body()).getInt("deleted") >= 1, run.body());
        JsonArray left = json(get(base, dep + range, gina).body()).getJsonArray("buckets");
        assertEquals(1, left.size(), left.toString());
        assertEquals(recent.toString(), left.getJsonObject(0).getString("start"));
    }

    private HttpResponse<String> frame(String token, String session, byte[] image, Instant at) {
        return Hub.send(
                HttpRequest.newBuilder(base.resolve(session + "/frames?capturedAt=" + at))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image))
                        .build());
    }
}
