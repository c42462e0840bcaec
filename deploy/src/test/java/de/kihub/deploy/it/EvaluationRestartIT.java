package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evaluation jobs live in memory: one that a restart of the hub interrupts ends FAILED with the
 * reason, and is never shown RUNNING afterwards. The hub is stopped (undeployed) while a job runs
 * and another waits behind it, and started again on the same database: the running job records the
 * interruption as it stops, the waiting one is marked at the next start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvaluationRestartIT {
    static final String PORTAL = "portal";

    /** Enough frames that the job still runs when the hub stops. */
    static final int FRAMES = 100;

    @Deployment(name = PORTAL, managed = false, testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource Deployer deployer;

    final URI base = Hub.TEST_SERVER;

    @Test
    void aJobInterruptedByARestartEndsFailedWithTheReason() throws Exception {
        String id;
        String waiting;
        deployer.deploy(PORTAL);
        try {
            String rita = token("rita.researcher");
            Datasets datasets = new Datasets(base);
            String dataset = datasets.create(rita, "MOT", "people-counting", "PRIVATE");
            datasets.upload(rita, dataset, Datasets.pets09Zip(FRAMES));
            String body =
                    "{\"model\":\"kihub/people-counter\",\"version\":\"1.0.0\",\"dataset\":\""
                            + dataset
                            + "\"}";
            HttpResponse<String> started = datasets.json(rita, "POST", "api/v1/evaluations", body);
            assertEquals(202, started.statusCode(), started.body());
            id = json(started.body()).getString("id");
            // one job at a time (the default): the second waits
            waiting =
                    json(datasets.json(rita, "POST", "api/v1/evaluations", body).body())
                            .getString("id");
            JsonObject e = json(get(base, "api/v1/evaluations/" + id, rita).body());
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (e.getJsonObject("progress").getInt("done") == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
                e = json(get(base, "api/v1/evaluations/" + id, rita).body());
            }
            assertEquals("RUNNING", e.getString("status"), e.toString());
            assertEquals(
                    "QUEUED",
                    json(get(base, "api/v1/evaluations/" + waiting, rita).body())
                            .getString("status"));
        } finally {
            deployer.undeploy(PORTAL);
        }

        deployer.deploy(PORTAL);
        try {
            String rita = token("rita.researcher");
            JsonObject e = json(get(base, "api/v1/evaluations/" + id, rita).body());
            assertEquals("FAILED", e.getString("status"), e.toString());
            assertEquals("interrupted by a server restart", e.getString("failureReason"));
            assertTrue(e.getJsonObject("progress").getInt("done") < FRAMES, e.toString());
            assertTrue(e.containsKey("finishedAt"), e.toString());
            JsonObject w = json(get(base, "api/v1/evaluations/" + waiting, rita).body());
            assertEquals("FAILED", w.getString("status"), w.toString());
            assertEquals("interrupted by a server restart", w.getString("failureReason"));
            assertEquals(0, w.getJsonObject("progress").getInt("done"));
            String unfinished =
                    get(base, "api/v1/evaluations?status=RUNNING", rita).body()
                            + get(base, "api/v1/evaluations?status=QUEUED", rita).body();
            assertFalse(
                    unfinished.contains(id) || unfinished.contains(waiting),
                    "neither RUNNING nor QUEUED after the restart: " + unfinished);
        } finally {
            deployer.undeploy(PORTAL);
        }
    }
}
