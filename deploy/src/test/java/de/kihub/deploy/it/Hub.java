package de.kihub.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the integration tests share: the deployment, HTTP calls and Keycloak tokens. */
final class Hub {
    /** The newest Flyway migration, V12. */
    static final int SCHEMA_VERSION = 12;

    /** The number of migrations an empty database gets (V1 to V12, one each). */
    static final int MIGRATIONS = 12;

    static final String KEYCLOAK =
            System.getProperty("kihub.it.keycloak-url", "http://127.0.0.1:18180");

    /** The test server's HTTP address, for tests that deploy the portal themselves. */
    static final URI TEST_SERVER =
            URI.create(
                    "http://127.0.0.1:"
                            + (8080 + Integer.getInteger("kihub.it.port-offset", 10000))
                            + "/");

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Hub() {}

    /** The portal.war that the portal module built (the name must stay portal.war: OIDC config). */
    static WebArchive portalWar() {
        return ShrinkWrap.createFromZipFile(
                WebArchive.class, new File(System.getProperty("kihub.it.war")));
    }

    static String token(String user) {
        return token("kihub", "kihub-cli", user, user);
    }

    /** Tokens of the last 30 s: Keycloak's brute-force detection distrusts bursts of logins. */
    private static final java.util.Map<String, java.util.Map.Entry<Long, String>> TOKENS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static String token(String realm, String client, String user, String password) {
        String key = realm + "|" + client + "|" + user + "|" + password;
        java.util.Map.Entry<Long, String> cached = TOKENS.get(key);
        if (cached != null && System.nanoTime() - cached.getKey() < 30_000_000_000L) {
            return cached.getValue();
        }
        String fresh = freshToken(realm, client, user, password);
        TOKENS.put(key, java.util.Map.entry(System.nanoTime(), fresh));
        return fresh;
    }

    private static String freshToken(String realm, String client, String user, String password) {
        String form =
                "grant_type=password&client_id="
                        + enc(client)
                        + "&username="
                        + enc(user)
                        + "&password="
                        + enc(password);
        HttpResponse<String> r =
                send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                KEYCLOAK
                                                        + "/realms/"
                                                        + realm
                                                        + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build());
        assertEquals(200, r.statusCode(), () -> "token for " + user + ": " + r.body());
        return json(r.body()).getString("access_token");
    }

    static HttpResponse<String> get(URI base, String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String body) {
        return (JsonObject) parse(body);
    }

    static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    /** JSON-B leaves null fields out: absent or null both mean "no value". */
    static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Asserts an RFC 9457 problem response with the given status and returns its body. */
    static JsonObject assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r::body);
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "content type of " + r.body());
        JsonObject problem = json(r.body());
        assertEquals(status, problem.getInt("status"));
        return problem;
    }
}
