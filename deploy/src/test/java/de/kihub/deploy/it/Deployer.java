package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Deployments through the HTTP API, as a tenant's people would make them. */
final class Deployer {
    static final String COUNTER = "kihub/people-counter";

    private final Registry http;

    Deployer(URI base) {
        this.http = new Registry(base);
    }

    /**
     * The secret part of a hub key {@code kihub_<keyId>_<secret>}. The secret is base64url and may
     * itself contain '_', so it is everything after the second underscore, not after the last.
     */
    static String secretOf(String key) {
        return key.split("_", 3)[2];
    }

    static String path(String tenant) {
        return "api/v1/tenants/" + tenant + "/deployments";
    }

    static String path(String tenant, String id) {
        return path(tenant) + "/" + id;
    }

    HttpResponse<String> create(
            String token, String tenant, String name, String model, String version, String config) {
        return http.json(
                token,
                "POST",
                path(tenant),
                "{\"name\":\""
                        + name
                        + "\",\"model\":\""
                        + model
                        + "\",\"version\":\""
                        + version
                        + "\""
                        + (config == null ? "" : ",\"configuration\":" + config)
                        + "}");
    }

    /** Creates a deployment and returns its id. */
    String created(
            String token, String tenant, String name, String model, String version, String config) {
        HttpResponse<String> r = create(token, tenant, name, model, version, config);
        assertEquals(201, r.statusCode(), r.body());
        String id = json(r.body()).getString("id");
        assertEquals(
                "/" + path(tenant, id),
                URI.create(r.headers().firstValue("Location").orElseThrow()).getPath());
        return id;
    }

    HttpResponse<String> record(String token, String tenant, String id) {
        return record(token, tenant, id, "Besucherströme nach Veranstaltungen lenken");
    }

    /** The minimal record (purpose, legal basis, contact) with the given purpose. */
    HttpResponse<String> record(String token, String tenant, String id, String purpose) {
        return http.json(
                token,
                "PUT",
                path(tenant, id) + "/record",
                Json.createObjectBuilder()
                        .add("purpose", purpose)
                        .add("legalBasis", "Art. 6 Abs. 1 lit. e DSGVO")
                        .add("contact", "datenschutz@example.org")
                        .build()
                        .toString());
    }

    /**
     * Answers the EU AI Act questionnaire: yes to the given questions, no to every other one the
     * hub asks. No yes at all is an anonymous people counter that stores aggregates only.
     */
    HttpResponse<String> questionnaire(String token, String tenant, String id, String... yes) {
        HttpResponse<String> asked =
                Hub.get(http.uri(""), path(tenant, id) + "/record/questionnaire", token);
        if (asked.statusCode() != 200) {
            return asked;
        }
        JsonObjectBuilder answers = Json.createObjectBuilder();
        for (JsonValue q : json(asked.body()).getJsonArray("questions")) {
            String key = q.asJsonObject().getString("key");
            answers.add(key, List.of(yes).contains(key));
        }
        return http.json(
                token,
                "PUT",
                path(tenant, id) + "/record/questionnaire",
                Json.createObjectBuilder().add("answers", answers).build().toString());
    }

    HttpResponse<String> signOff(String token, String tenant, String id) {
        return http.json(
                token,
                "POST",
                path(tenant, id) + "/record/sign-off",
                "{\"comment\":\"Nur Zählwerte, keine Bilder\"}");
    }

    HttpResponse<String> action(String token, String tenant, String id, String action) {
        return http.json(token, "POST", path(tenant, id) + "/" + action, "{}");
    }

    /**
     * Documents (minimal record, questionnaire of an anonymous counter), signs off and activates:
     * the deployment answers afterwards.
     */
    JsonObject activated(String deployer, String dpo, String tenant, String id) {
        assertEquals(200, record(deployer, tenant, id).statusCode());
        HttpResponse<String> answered = questionnaire(deployer, tenant, id);
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(
                "MINIMAL_RISK",
                json(answered.body()).getJsonObject("assessment").getString("riskClass"));
        HttpResponse<String> signed = signOff(dpo, tenant, id);
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("READY", json(signed.body()).getString("status"));
        HttpResponse<String> active = action(deployer, tenant, id, "activate");
        assertEquals(200, active.statusCode(), active.body());
        return json(active.body());
    }

    /** A new counting deployment of the people counter in gelsenkirchen, ACTIVE. */
    String activeCounter(String name, String config) {
        String gina = token("gina.admin");
        String id = created(gina, "gelsenkirchen", name, COUNTER, "1.0.0", config);
        activated(gina, token("dieter.dpo"), "gelsenkirchen", id);
        return id;
    }

    HttpResponse<String> image(
            String authorization, String tenant, String id, String call, byte[] image) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(http.uri(path(tenant, id) + "/" + call))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return Hub.send(b.build());
    }

    Registry http() {
        return http;
    }
}
