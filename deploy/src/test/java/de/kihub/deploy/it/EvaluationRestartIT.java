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
 * and started again on the same database.
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
        deployer.deploy(PORTAL);
        try {
            String rita = token("rita.researcher");
            Datasets datasets = new Datasets(base);
            String dataset = datasets.create(rita, "MOT", "people-counting", "PRIVATE");
            datasets.upload(rita, dataset, Datasets.pets09Zip(FRAMES));
            HttpResponse<String> started =
                    datasets.json(
                            rita,
                            "POST",
                            "api/v1/evaluations",
                            "{\"model\":\"kihub/people-counter\",\"version\":\"1.0.0\","
                                    + "\"dataset\":\""
                                    + dataset
                                    + "\"}");
            assertEquals(202, started.statusCode(), started.body());
            id = json(started.body()).getString("id");
            JsonObject e = json(get(base, "api/v1/evaluations/" + id, rita).body());
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (e.getJsonObject("progress").getInt("done") == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
                e = json(get(base, "api/v1/evaluations/" + id, rita).body());
            }
            assertEquals("RUNNING", e.getString("status"), e.toString());
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
            assertFalse(
                    get(base, "api/v1/evaluations?status=RUNNING", rita).body().contains(id),
                    "never RUNNING after the restart");
        } finally {
            deployer.undeploy(PORTAL);
        }
    }
}
