package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeIT {

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base() throws Exception {
        return url.toURI();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "carla.curator   | -             | curator",
                "gina.admin      | gelsenkirchen | deployer,tenant-admin",
                "dieter.dpo      | gelsenkirchen | dpo",
                "bernd.deployer  | bochum        | deployer",
                "rita.researcher | w-hs          | publisher",
                "mia.member      | bochum        | member",
            })
    void eachDemoUserSeesTheirTenantAndRoles(String user, String tenant, String roles)
            throws Exception {
        HttpResponse<String> r = get(base(), "api/v1/me", token(user));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject me = json(r.body());
        assertEquals(user, me.getString("user"));
        if (tenant == null) {
            assertTrue(me.isNull("tenant"), r.body());
            assertEquals(0, me.getJsonArray("tenants").size());
        } else {
            assertEquals(tenant, me.getString("tenant"));
            assertEquals(List.of(tenant), strings(me, "tenants"));
        }
        assertEquals(List.of(roles.split(",")), strings(me, "roles"));
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        JsonObject problem = assertProblem(get(base(), "api/v1/me", null), 401);
        assertTrue(problem.getString("detail").contains("access token"), problem.toString());
    }

    @Test
    void garbageTokenIsUnauthorized() throws Exception {
        assertEquals(401, get(base(), "api/v1/me", "not-a-jwt").statusCode());
    }

    @Test
    void tokenWithForgedSignatureIsUnauthorized() throws Exception {
        String[] parts = token("mia.member").split("\\.");
        // claim to be curator, keep Keycloak's header and signature
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"member\"", "\"curator\"");
        String forged =
                parts[0]
                        + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                        + "."
                        + parts[2];
        assertEquals(401, get(base(), "api/v1/me", forged).statusCode());
    }

    @Test
    void tokenFromAnotherRealmIsUnauthorized() throws Exception {
        String foreign = token("master", "admin-cli", "admin", "admin");
        assertEquals(401, get(base(), "api/v1/me", foreign).statusCode());
    }

    @Test
    void tokenIssuedForAnotherClientOfTheRealmIsUnauthorized() throws Exception {
        // admin-cli tokens of realm kihub carry no kihub-portal audience
        String other = token("kihub", "admin-cli", "mia.member", "mia.member");
        assertEquals(401, get(base(), "api/v1/me", other).statusCode());
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
