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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's view: system info, health, OpenAPI, and inference engines from the DJL module. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SystemIT {
    static final URI HEALTH =
            URI.create(
                    "http://127.0.0.1:"
                            + Integer.getInteger("kihub.it.management-port", 19990)
                            + "/");

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    @Test
    void curatorSeesDatabaseSchemaAndBothInferenceEnginesLoadedOffline() throws Exception {
        HttpResponse<String> r = get(url.toURI(), "api/v1/system", token("carla.curator"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject info = json(r.body());
        assertEquals(
                MigrationIT.EXPECTED_DATABASE, info.getJsonObject("database").getString("product"));
        assertEquals(
                String.valueOf(Hub.SCHEMA_VERSION),
                info.getJsonObject("database").getString("schemaVersion"));
        var engines = info.getJsonArray("engines");
        assertEquals(2, engines.size(), r.body());
        for (JsonObject engine : engines.getValuesAs(JsonObject.class)) {
            assertTrue(engine.getBoolean("available"), engine.toString());
        }
        assertEquals("OnnxRuntime", engines.getJsonObject(0).getString("name"));
        assertEquals("PyTorch", engines.getJsonObject(1).getString("name"));
    }

    @Test
    void systemInfoIsForCuratorsOnly() throws Exception {
        assertProblem(get(url.toURI(), "api/v1/system", token("gina.admin")), 403);
        assertProblem(get(url.toURI(), "api/v1/system", null), 401);
    }

    @Test
    void readinessReportsTheMigratedDatabase() {
        HttpResponse<String> r = get(HEALTH, "health/ready", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"kihub-database\""), r.body());
        assertTrue(r.body().contains("\"status\":\"UP\""), r.body());
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> r = get(url.toURI(), "openapi", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/api/v1/me"), r.body());
        assertTrue(r.body().contains("KI-Hub API"), r.body());
    }

    @Test
    void unknownApiPathIsAProblemNotAnHtmlPage() throws Exception {
        assertProblem(get(url.toURI(), "api/v1/no-such-thing", null), 404);
    }
}
