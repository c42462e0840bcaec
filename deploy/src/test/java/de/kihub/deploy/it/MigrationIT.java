package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs first (see junit-platform.properties), so the hub's first deployment meets the empty
 * database the build prepared; then redeploys it onto the migrated database.
 */
@Order(1)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MigrationIT {
    static final String PORTAL = "portal";
    static final String EXPECTED_DATABASE =
            System.getProperty("kihub.it.expected-database", "h2").equals("postgresql")
                    ? "PostgreSQL"
                    : "H2";

    @Deployment(name = PORTAL, managed = false, testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource Deployer deployer;

    final URI base = Hub.TEST_SERVER;

    @Test
    void migratesTheEmptyDatabaseAtFirstStartAndNothingAtTheNext() {
        deployer.deploy(PORTAL);
        try {
            JsonObject first = database();
            assertEquals(EXPECTED_DATABASE, first.getString("product"), first.toString());
            assertEquals(String.valueOf(Hub.SCHEMA_VERSION), first.getString("schemaVersion"));
            assertEquals(
                    Hub.MIGRATIONS,
                    first.getInt("migrationsExecuted"),
                    "the first start must find an empty database (CI creates a fresh one)");
            // something to survive the restart: the first sign-in registers the tenant
            assertEquals(200, get(base, "api/v1/me", token("mia.member")).statusCode());
        } finally {
            deployer.undeploy(PORTAL);
        }

        deployer.deploy(PORTAL);
        try {
            JsonObject second = database();
            assertEquals(String.valueOf(Hub.SCHEMA_VERSION), second.getString("schemaVersion"));
            assertEquals(0, second.getInt("migrationsExecuted"), second.toString());
            HttpResponse<String> audit =
                    get(base, "api/v1/audit?tenant=bochum", token("carla.curator"));
            assertEquals(200, audit.statusCode(), audit.body());
            assertTrue(audit.body().contains("\"tenant.registered\""), audit.body());
        } finally {
            deployer.undeploy(PORTAL);
        }
    }

    private JsonObject database() {
        HttpResponse<String> r = get(base, "api/v1/system", token("carla.curator"));
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).getJsonObject("database");
    }
}
