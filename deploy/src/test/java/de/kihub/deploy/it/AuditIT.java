package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.parse;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant isolation on the audit trail: each tenant admin sees its own tenant only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;

    @BeforeEach
    void signInBothMunicipalities() throws Exception {
        base = url.toURI();
        // first sign-ins register the tenants (and audit that)
        assertEquals(200, get(base, "api/v1/me", token("gina.admin")).statusCode());
        assertEquals(200, get(base, "api/v1/me", token("bernd.deployer")).statusCode());
    }

    @Test
    void tenantAdminSeesOnlyItsOwnTenantsEvents() {
        HttpResponse<String> r = get(base, "api/v1/audit", token("gina.admin"));
        assertEquals(200, r.statusCode(), r.body());
        Set<String> tenants = tenantsIn(r.body());
        assertEquals(Set.of("gelsenkirchen"), tenants, r.body());
    }

    @Test
    void tenantAdminCannotReadAnotherTenantsTrail() {
        assertProblem(get(base, "api/v1/audit?tenant=bochum", token("gina.admin")), 403);
    }

    @Test
    void curatorSeesAllTenants() {
        HttpResponse<String> r = get(base, "api/v1/audit?limit=500", token("carla.curator"));
        assertEquals(200, r.statusCode(), r.body());
        Set<String> tenants = tenantsIn(r.body());
        assertTrue(tenants.containsAll(Set.of("gelsenkirchen", "bochum")), r.body());
        JsonObject event = ((JsonArray) parse(r.body())).getJsonObject(0);
        assertFalse(event.getString("occurredAt").isBlank());
        assertFalse(event.getString("actor").isBlank());
    }

    @Test
    void membersAndDeployersMayNotReadTheTrail() {
        assertProblem(get(base, "api/v1/audit", token("mia.member")), 403);
        assertProblem(get(base, "api/v1/audit", token("bernd.deployer")), 403);
        assertProblem(get(base, "api/v1/audit", null), 401);
    }

    @Test
    void badParametersAreRejectedWithAClearMessage() {
        JsonObject p =
                assertProblem(get(base, "api/v1/audit?limit=0", token("carla.curator")), 400);
        assertTrue(p.getString("detail").contains("limit"), p.toString());
        p = assertProblem(get(base, "api/v1/audit?tenant=../etc", token("carla.curator")), 400);
        assertTrue(p.getString("detail").contains("tenant"), p.toString());
    }

    private static Set<String> tenantsIn(String body) {
        return ((JsonArray) parse(body))
                .getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("tenant"))
                        .collect(Collectors.toSet());
    }
}
