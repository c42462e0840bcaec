package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant above its rate limit gets 429 with Retry-After (the test server limits w-hs to 2
 * requests per second); the deployment's usage and the server metrics show what happened.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentLimitsIT {
    static final String WHS = "w-hs";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    @Test
    void aTenantAboveItsRateLimitIsToldToRetryAndUsageShowsIt() throws Exception {
        URI base = url.toURI();
        KeycloakAdmin.ensureUser("hanna.deployer", "deployer", WHS);
        KeycloakAdmin.ensureUser("dora.dpo", "dpo", WHS);
        Deployer deployer = new Deployer(base);
        String hanna = token("hanna.deployer");
        String id =
                deployer.created(
                        hanna, WHS, Registry.unique("lab"), Deployer.COUNTER, "1.0.0", null);
        deployer.activated(hanna, token("dora.dpo"), WHS, id);
        byte[] photo =
                Files.readAllBytes(PeopleCounterIT.DATA.resolve("controls").resolve("person.jpg"));

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(deployer.image("Bearer " + hanna, WHS, id, "predict", photo));
        }
        long ok = answers.stream().filter(r -> r.statusCode() == 200).count();
        List<HttpResponse<String>> refused =
                answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(12, ok + refused.size(), "only 200 or 429");
        assertTrue(ok >= 4, "the burst of 4 passes: " + ok);
        assertTrue(!refused.isEmpty(), "12 requests in well under 4 s exceed 2 per second");
        JsonObject problem = assertProblem(refused.get(0), 429);
        assertTrue(problem.getString("detail").length() > 10, problem.toString());
        assertTrue(
                Integer.parseInt(refused.get(0).headers().firstValue("Retry-After").orElse("0"))
                        >= 1);

        HttpResponse<String> usage = get(base, Deployer.path(WHS, id) + "/usage", hanna);
        assertEquals(200, usage.statusCode(), usage.body());
        JsonObject totals = json(usage.body()).getJsonObject("totals");
        assertEquals(12, totals.getInt("requests"), usage.body());
        assertEquals(refused.size(), totals.getInt("rejected"), usage.body());
        assertTrue(totals.getJsonNumber("p50Ms").doubleValue() > 0, usage.body());
        assertProblem(get(base, Deployer.path(WHS, id) + "/usage", token("gina.admin")), 404);

        HttpResponse<String> metrics = get(base, "api/v1/metrics", token("carla.curator"));
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(
                metrics.body().contains("kihub_deployment_requests_total{")
                        && metrics.body().contains(id),
                metrics.body());
        assertTrue(metrics.body().contains("process_resident_memory_bytes"));
        assertTrue(metrics.body().contains("kihub_runtime_loaded_models "), metrics.body());
        assertProblem(get(base, "api/v1/metrics", null), 401);
        assertProblem(get(base, "api/v1/metrics", hanna), 403);
    }
}
