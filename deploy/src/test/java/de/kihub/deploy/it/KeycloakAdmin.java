package de.kihub.deploy.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Creates extra users in the test Keycloak through its admin API, for cases the demo users do not
 * cover (e.g. a publisher of a second tenant). Password = user name, as for the demo users.
 */
final class KeycloakAdmin {
    private KeycloakAdmin() {}

    /** Creates (once) a user with one realm role in one organization. */
    static synchronized void ensureUser(String user, String role, String organization) {
        String admin = Hub.token("master", "admin-cli", "admin", "admin");
        String base = Hub.KEYCLOAK + "/admin/realms/kihub";
        JsonArray found = users(admin, base, user);
        if (!found.isEmpty()) {
            return;
        }
        String body =
                "{\"username\":\""
                        + user
                        + "\",\"enabled\":true,\"email\":\""
                        + user
                        + "@example.org\",\"emailVerified\":true,\"firstName\":\"Test\",\"lastName\":\"User\","
                        + "\"credentials\":[{\"type\":\"password\",\"value\":\""
                        + user
                        + "\",\"temporary\":false}]}";
        expect(call(admin, "POST", base + "/users", body), 201);
        String userId = users(admin, base, user).getJsonObject(0).getString("id");
        JsonObject roleRep = Hub.json(call(admin, "GET", base + "/roles/" + role, null).body());
        expect(
                call(
                        admin,
                        "POST",
                        base + "/users/" + userId + "/role-mappings/realm",
                        "[" + roleRep + "]"),
                204);
        JsonArray orgs =
                (JsonArray)
                        Hub.parse(
                                call(
                                                admin,
                                                "GET",
                                                base
                                                        + "/organizations?search="
                                                        + Hub.enc(organization),
                                                null)
                                        .body());
        String orgId =
                orgs.getValuesAs(JsonObject.class).stream()
                        .filter(o -> o.getString("alias").equals(organization))
                        .findFirst()
                        .orElseThrow()
                        .getString("id");
        expect(
                call(
                        admin,
                        "POST",
                        base + "/organizations/" + orgId + "/members",
                        "\"" + userId + "\""),
                201);
    }

    private static JsonArray users(String admin, String base, String user) {
        String url = base + "/users?exact=true&username=" + Hub.enc(user);
        return (JsonArray) Hub.parse(call(admin, "GET", url, null).body());
    }

    private static HttpResponse<String> call(String token, String method, String url, String json) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return Hub.send(b.build());
    }

    private static void expect(HttpResponse<String> r, int status) {
        assertTrue(
                r.statusCode() == status,
                () -> r.request().uri() + " -> " + r.statusCode() + " " + r.body());
    }
}
