package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
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

/** Communities share models privately: members see them, everybody else gets 404. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommunityIT {

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    @Test
    void aModelSharedWithACommunityIsVisibleToItsMembersOnly() throws Exception {
        URI base = url.toURI();
        Registry registry = new Registry(base);
        String carla = token("carla.curator");
        String rita = token("rita.researcher");
        String community = Registry.unique("ruhr");
        // tenants are known to the hub after their first sign-in
        get(base, "api/v1/me", token("gina.admin"));
        get(base, "api/v1/me", rita);

        assertProblem(communityCall(registry, rita, "POST", "api/v1/communities", community), 403);
        assertEquals(
                201,
                communityCall(registry, carla, "POST", "api/v1/communities", community)
                        .statusCode());
        // a tenant admin joins its own tenant, not another one
        assertEquals(
                200, join(registry, token("gina.admin"), community, "gelsenkirchen").statusCode());
        assertProblem(join(registry, token("gina.admin"), community, "w-hs"), 403);
        // rita's tenant is no member yet, so it cannot share with the community
        String name = Registry.unique("shared");
        HttpResponse<String> refused =
                registry.json(rita, "POST", "api/v1/models", body(name, community));
        assertTrue(assertProblem(refused, 400).getString("detail").contains(community));
        assertEquals(200, join(registry, carla, community, "w-hs").statusCode());
        assertEquals(
                201,
                registry.json(rita, "POST", "api/v1/models", body(name, community)).statusCode());

        String model = "w-hs/" + name;
        registry.createVersion(rita, model, "1.0.0");
        registry.upload(rita, model, "1.0.0", TestOnnx.identityModel());
        registry.action(rita, model, "1.0.0", "submit", null);
        registry.action(carla, model, "1.0.0", "approve", null);

        JsonObject seen = json(get(base, "api/v1/models/" + model, token("dieter.dpo")).body());
        assertEquals("COMMUNITY", seen.getString("visibility"));
        assertEquals(
                200,
                get(
                                base,
                                "api/v1/models/" + model + "/versions/1.0.0/artifact",
                                token("dieter.dpo"))
                        .statusCode());
        assertProblem(get(base, "api/v1/models/" + model, token("mia.member")), 404);
        assertProblem(
                get(
                        base,
                        "api/v1/models/" + model + "/versions/1.0.0/artifact",
                        token("mia.member")),
                404);
        assertProblem(get(base, "api/v1/models/" + model, null), 404);

        // the catalog search follows the same rule, facet counts included
        assertTrue(searchFinds(base, token("dieter.dpo"), model), "a member finds it");
        assertTrue(!searchFinds(base, token("mia.member"), model), "a non-member does not");
        assertTrue(!searchFinds(base, null, model), "nor does an anonymous visitor");
    }

    private static boolean searchFinds(URI base, String token, String model) {
        HttpResponse<String> r = get(base, "api/v1/catalog/models?q=Geteilt&size=100", token);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains("\"" + model + "\"");
    }

    private static String body(String name, String community) {
        return "{\"name\":\""
                + name
                + "\",\"displayName\":{\"de\":\"Geteilt\",\"en\":\"Shared\"},\"task\":\"object-detection\","
                + "\"domain\":\"Mobilität\",\"license\":\"Apache-2.0\",\"visibility\":\"COMMUNITY\","
                + "\"communities\":[\""
                + community
                + "\"]}";
    }

    private static HttpResponse<String> communityCall(
            Registry registry, String token, String method, String path, String id) {
        return registry.json(
                token, method, path, "{\"id\":\"" + id + "\",\"displayName\":\"Ruhr Mobilität\"}");
    }

    private static HttpResponse<String> join(
            Registry registry, String token, String community, String tenant) {
        return registry.json(
                token,
                "POST",
                "api/v1/communities/" + community + "/members",
                "{\"tenant\":\"" + tenant + "\"}");
    }
}
