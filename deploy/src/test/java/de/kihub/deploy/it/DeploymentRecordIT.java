package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.parse;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployment records: the full record with the EU AI Act questionnaire, sign-off and activation,
 * the five exports, the public transparency page, history and comparison; prohibited and high-risk
 * answers; and another tenant that sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentRecordIT {
    static final String GE = "gelsenkirchen";
    static final String SCRIPT = "<script>alert('kihub')</script>";
    static final String REAL_TIME_FACES = "realTimeRemoteBiometricIdentificationForLawEnforcement";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    Deployer deployer;
    Registry http;

    @BeforeEach
    void base() throws Exception {
        base = url.toURI();
        deployer = new Deployer(base);
        http = deployer.http();
    }

    /** The record of the arena's visitor counter, every field written. */
    static JsonObject fullRecord(String name, String humanIntervention) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add(
                        "shortDescription",
                        "Eine Kamera zählt, wie viele Menschen das Stadion verlassen.")
                .add("theme", "Verkehr")
                .add("startDate", "2026-05")
                .add("contact", "ki-transparenz@gelsenkirchen.example")
                .add("website", "https://www.gelsenkirchen.example/besucherzaehlung")
                .add("impactful", false)
                .add("purpose", "Besucherströme nach Veranstaltungen lenken")
                .add("impact", "Busse und Bahnen fahren öfter, wenn viele Menschen gehen.")
                .add("humanIntervention", humanIntervention)
                .add("legalBasis", "Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 DSG NRW")
                .add("legalBasisLink", "https://recht.nrw.de/dsg")
                .add("processingRegister", "https://www.gelsenkirchen.example/vvt")
                .add(
                        "impactAssessments",
                        Json.createArrayBuilder()
                                .add(
                                        Json.createObjectBuilder()
                                                .add("title", "Datenschutz-Folgenabschätzung")
                                                .add(
                                                        "link",
                                                        "https://www.gelsenkirchen.example/dsfa")))
                .add("appealsAndReview", "Widerspruch beim Datenschutzbeauftragten der Stadt.")
                .add("responsibleTeam", "Referat Verkehr")
                .add("seniorResponsibleOwner", "Leitung Referat Verkehr")
                .add("benefits", "Kürzere Wartezeiten an Haltestellen.")
                .add("alternativesConsidered", "Zählung von Hand an zwei Spieltagen.")
                .add("frequencyAndScale", "An etwa 20 Spieltagen im Jahr, eine Kamera.")
                .add("dataAccessAndStorage", "Nur Zählwerte je Minute, ein Jahr lang.")
                .add("deployerAddress", "Stadt Gelsenkirchen, Ebertstraße 11, 45879 Gelsenkirchen")
                .add("submitter", "Datenschutz, datenschutz@gelsenkirchen.example")
                .build();
    }

    HttpResponse<String> putRecord(String token, String tenant, String id, JsonObject record) {
        return http.json(token, "PUT", Deployer.path(tenant, id) + "/record", record.toString());
    }

    HttpResponse<String> record(String token, String tenant, String id, String query) {
        return get(base, Deployer.path(tenant, id) + "/record" + query, token);
    }

    @Test
    void aFullRecordIsSignedOffExportedAndPublishedWhileActive() throws Exception {
        String gina = token("gina.admin");
        String dieter = token("dieter.dpo");
        String name = Registry.unique("stadion");
        String id = deployer.created(gina, GE, name, Deployer.COUNTER, "1.0.0", null);

        // before anything is written, the record shows what the hub takes over
        JsonObject first = json(record(gina, GE, id, "").body());
        assertEquals(0, first.getInt("revision"));
        JsonObject proposed = first.getJsonObject("record");
        assertTrue(
                proposed.getString("technicalOperation").contains("NanoDet"), proposed.toString());
        assertEquals("model-card", proposed.getJsonObject("prefilled").getString("dataSources"));
        assertEquals("tenant", proposed.getJsonObject("prefilled").getString("organisation"));
        assertEquals("model", proposed.getJsonObject("prefilled").getString("supplier"));
        assertEquals(
                List.of("purpose", "legalBasis", "contact", "questionnaire"),
                first.getJsonArray("missing").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.replace("\"", ""))
                        .toList());

        String title = "Besucherzählung " + SCRIPT;
        HttpResponse<String> written =
                putRecord(gina, GE, id, fullRecord(title, "Menschen entscheiden " + SCRIPT));
        assertEquals(200, written.statusCode(), written.body());
        JsonObject record = json(written.body()).getJsonObject("record");
        assertEquals(title, record.getString("name"));
        assertTrue(record.getString("considerations").length() > 20, "from the card");
        assertEquals(1, json(written.body()).getInt("recordRevision"));

        HttpResponse<String> answered = deployer.questionnaire(gina, GE, id);
        assertEquals(200, answered.statusCode(), answered.body());
        JsonObject assessment = json(answered.body()).getJsonObject("assessment");
        assertEquals("MINIMAL_RISK", assessment.getString("riskClass"));
        assertEquals(3, assessment.getJsonArray("reasons").size());
        assertEquals(2, json(answered.body()).getInt("revision"));

        HttpResponse<String> signed = deployer.signOff(dieter, GE, id);
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("READY", json(signed.body()).getString("status"));
        assertEquals("MINIMAL_RISK", json(signed.body()).getString("riskClass"));
        HttpResponse<String> active = deployer.action(gina, GE, id, "activate");
        assertEquals(200, active.statusCode(), active.body());

        // the record as JSON, and the five exports
        JsonObject view = json(record(gina, GE, id, "").body());
        assertEquals(2, view.getInt("revision"));
        assertEquals("gina.admin", view.getString("changedBy"));
        assertTrue(view.getJsonArray("missing").isEmpty(), view.toString());
        assertEquals(
                "MINIMAL_RISK",
                view.getJsonObject("questionnaire")
                        .getJsonObject("assessment")
                        .getString("riskClass"));

        HttpResponse<String> nl = record(gina, GE, id, "?format=algoritmeregister");
        assertEquals(200, nl.statusCode(), nl.body());
        assertTrue(
                nl.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject register = json(nl.body());
        assertEquals(title, register.getString("name"));
        assertEquals("In gebruik", register.getString("status"));
        assertEquals("Overige algoritmes", register.getString("publication_category"));
        assertEquals(29, register.size(), register.toString());

        JsonObject atrs = json(record(gina, GE, id, "?format=atrs").body());
        assertEquals(title, atrs.getJsonObject("tier_1").getString("name"));
        assertEquals(
                "Production",
                atrs.getJsonObject("tier_2")
                        .getJsonObject("tool_specification")
                        .getString("phase"));

        JsonObject annex = json(record(gina, GE, id, "?format=ai-act-annex-viii").body());
        assertFalse(annex.getBoolean("registrationRequired"));
        assertEquals(
                "Stadt Gelsenkirchen, Ebertstraße 11, 45879 Gelsenkirchen",
                annex.getJsonObject("deployer").getString("address"));

        HttpResponse<String> card = record(gina, GE, id, "?format=model-card");
        assertEquals(200, card.statusCode(), card.body());
        assertTrue(
                card.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
        assertTrue(card.body().startsWith("---\n"), card.body());
        assertTrue(card.body().contains("\nlanguage:\n"), card.body());
        assertTrue(card.body().contains("## Deployment / Einsatz"), card.body());
        assertTrue(card.body().contains("NanoDet"), card.body());

        HttpResponse<String> html = record(gina, GE, id, "?format=html");
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(html.body().contains("<html lang=\"de\">"), html.body());
        assertEscaped(html.body());
        assertTrue(html.body().contains("dieter.dpo"), "the internal export names the DPO");
        assertTrue(record(gina, GE, id, "?format=html&lang=en").body().contains("Responsible use"));
        assertProblem(record(gina, GE, id, "?format=pdf"), 400);

        // the public page: no login, German, escaped, nothing internal
        String page = "transparenz/" + GE + "/" + name;
        HttpResponse<String> citizen = get(base, page, null);
        assertEquals(200, citizen.statusCode(), citizen.body());
        assertTrue(citizen.body().contains("<html lang=\"de\">"), citizen.body());
        assertTrue(citizen.body().contains("Haben Sie Fragen?"), citizen.body());
        assertTrue(citizen.body().contains("mailto:ki-transparenz@gelsenkirchen.example"));
        assertTrue(citizen.body().contains("Geringes Risiko"), citizen.body());
        assertEscaped(citizen.body());
        for (String internal :
                List.of("dieter.dpo", "gina.admin", "Leitung Referat Verkehr", "Ebertstraße", id)) {
            assertFalse(citizen.body().contains(internal), internal);
        }
        assertTrue(get(base, page + "?lang=en", null).body().contains("Questions?"));
        assertTrue(get(base, "transparenz", null).body().contains("/" + page + "\""));

        // changed while running: the public page keeps the signed revision, not the draft
        HttpResponse<String> draft =
                putRecord(gina, GE, id, fullRecord("Neuer Entwurf", "Entwurf"));
        assertEquals(200, draft.statusCode(), draft.body());
        assertEquals("ACTIVE", json(draft.body()).getString("status"));
        String stillSigned = get(base, page, null).body();
        assertTrue(stillSigned.contains("Besucherzählung"), stillSigned);
        assertFalse(stillSigned.contains("Neuer Entwurf"), stillSigned);

        // history with authors, one revision, and what changed
        JsonArray history = Hub.parse(record(gina, GE, id, "/history").body()).asJsonArray();
        assertEquals(3, history.size(), history.toString());
        assertEquals(3, history.getJsonObject(0).getInt("revision"));
        assertEquals("QUESTIONNAIRE", history.getJsonObject(1).getString("change"));
        assertEquals(
                "dieter.dpo", history.getJsonObject(1).getJsonObject("signOff").getString("by"));
        assertEquals("gina.admin", history.getJsonObject(2).getString("author"));
        JsonObject one = json(record(gina, GE, id, "/history/1").body());
        assertEquals(title, one.getJsonObject("record").getString("name"));
        assertFalse(one.containsKey("questionnaire"), "not answered in revision 1");
        JsonObject compared = json(record(gina, GE, id, "/compare?from=1&to=3").body());
        List<String> fields =
                compared.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                        .map(c -> c.getString("field"))
                        .toList();
        assertTrue(fields.contains("record.name"), fields.toString());
        assertTrue(fields.contains("record.humanIntervention"), fields.toString());
        assertTrue(fields.contains("riskClass"), fields.toString());
        assertFalse(fields.contains("record.contact"), fields.toString());
        assertProblem(record(gina, GE, id, "/history/99"), 404);
        assertProblem(record(gina, GE, id, "/compare?from=1"), 400);
        assertProblem(record(gina, GE, id, "/history/x"), 400);

        // only while ACTIVE
        assertEquals(200, deployer.action(gina, GE, id, "pause").statusCode());
        assertEquals(404, get(base, page, null).statusCode());
        assertFalse(get(base, "transparenz", null).body().contains("/" + page + "\""));
        assertEquals(200, deployer.signOff(dieter, GE, id).statusCode());
        assertEquals(200, deployer.action(gina, GE, id, "activate").statusCode());
        String republished = get(base, page, null).body();
        assertTrue(republished.contains("Neuer Entwurf"), "the newly signed revision is public");
        assertEquals(200, deployer.action(gina, GE, id, "retire").statusCode());
        assertEquals(404, get(base, page, null).statusCode());
        assertEquals(
                "Buiten gebruik",
                json(record(gina, GE, id, "?format=algoritmeregister").body()).getString("status"));

        String trail = get(base, "api/v1/audit?limit=200", gina).body();
        assertTrue(trail.contains("deployment.questionnaire"), trail);
    }

    @Test
    void aProhibitedPracticeBlocksSignOffAndActivationAndStopsARunningDeployment()
            throws Exception {
        String gina = token("gina.admin");
        String dieter = token("dieter.dpo");
        String id =
                deployer.created(
                        gina, GE, Registry.unique("gesichter"), Deployer.COUNTER, "1.0.0", null);
        assertEquals(200, deployer.record(gina, GE, id).statusCode());
        HttpResponse<String> answered =
                deployer.questionnaire(
                        gina, GE, id, REAL_TIME_FACES, "biometricIdentification", "lawEnforcement");
        assertEquals(200, answered.statusCode(), answered.body());
        JsonObject assessment = json(answered.body()).getJsonObject("assessment");
        assertEquals("PROHIBITED", assessment.getString("riskClass"));
        assertEquals(
                "Art. 5(1)(h)",
                assessment.getJsonArray("reasons").getJsonObject(0).getString("article"));

        JsonObject refused = assertProblem(deployer.signOff(dieter, GE, id), 409);
        assertTrue(refused.getString("detail").contains("Art. 5(1)(h)"), refused.toString());
        JsonObject blocked = assertProblem(deployer.action(gina, GE, id, "activate"), 409);
        assertTrue(blocked.getString("detail").contains("prohibited practice"), blocked.toString());
        assertTrue(blocked.getString("detail").contains("Art. 5(1)(h)"), blocked.toString());

        // a running counter whose use turns out to be prohibited stops at once
        String running = deployer.activeCounter(Registry.unique("umgewidmet"), null);
        byte[] photo =
                Files.readAllBytes(
                        PeopleCounterIT.DATA.resolve("controls").resolve("basketball1.png"));
        assertEquals(
                200, deployer.image("Bearer " + gina, GE, running, "predict", photo).statusCode());
        HttpResponse<String> stopped = deployer.questionnaire(gina, GE, running, REAL_TIME_FACES);
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertTrue(json(stopped.body()).getBoolean("stopped"));
        assertEquals("PAUSED", json(stopped.body()).getString("status"));
        assertProblem(deployer.image("Bearer " + gina, GE, running, "predict", photo), 409);
        assertProblem(deployer.action(gina, GE, running, "activate"), 409);
        String name = json(get(base, Deployer.path(GE, running), gina).body()).getString("name");
        assertEquals(404, get(base, "transparenz/" + GE + "/" + name, null).statusCode());
    }

    @Test
    void aHighRiskDeploymentNeedsItsImpactAssessmentsBeforeSignOff() {
        String gina = token("gina.admin");
        String dieter = token("dieter.dpo");
        String id =
                deployer.created(
                        gina, GE, Registry.unique("zutritt"), Deployer.COUNTER, "1.0.0", null);
        assertEquals(200, deployer.record(gina, GE, id).statusCode());
        HttpResponse<String> answered =
                deployer.questionnaire(gina, GE, id, "biometricIdentification");
        assertEquals(
                "HIGH_RISK",
                json(answered.body()).getJsonObject("assessment").getString("riskClass"));
        JsonObject refused = assertProblem(deployer.signOff(dieter, GE, id), 409);
        assertTrue(
                refused.getString("detail").contains("friaSummary")
                        && refused.getString("detail").contains("dpiaSummary"),
                refused.toString());
        JsonObject annex = json(record(gina, GE, id, "?format=ai-act-annex-viii").body());
        assertTrue(annex.getBoolean("registrationRequired"));
        assertTrue(annex.getJsonArray("missing").size() >= 4, annex.toString());

        JsonObjectBuilder assessed =
                Json.createObjectBuilder(fullRecord("Zutrittskontrolle", "Pförtner prüfen"))
                        .add("friaSummary", "Grundrechte-Folgenabschätzung vom 2. März: ...")
                        .add("dpiaSummary", "Datenschutz-Folgenabschätzung vom 1. März: ...");
        assertEquals(200, putRecord(gina, GE, id, assessed.build()).statusCode());
        HttpResponse<String> signed = deployer.signOff(dieter, GE, id);
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("READY", json(signed.body()).getString("status"));
        assertEquals(
                "Hoog-risico AI-systeem",
                json(record(gina, GE, id, "?format=algoritmeregister").body())
                        .getString("publication_category"));
        // answering again differently withdraws the sign-off
        HttpResponse<String> changed = deployer.questionnaire(gina, GE, id);
        assertEquals("PENDING_DOCUMENTATION", json(changed.body()).getString("status"));
        assertTrue(Hub.absent(json(get(base, Deployer.path(GE, id), gina).body()), "signOff"));
    }

    @Test
    void anotherTenantFindsNeitherRecordNorHistoryNorExports() {
        String gina = token("gina.admin");
        String id = deployer.activeCounter(Registry.unique("verborgen"), null);
        assertEquals(
                200,
                putRecord(gina, GE, id, fullRecord("Zweite Fassung", "Menschen")).statusCode());
        for (String user : List.of("bernd.deployer", "mia.member")) {
            String other = token(user);
            for (String query :
                    List.of(
                            "",
                            "?format=algoritmeregister",
                            "?format=atrs",
                            "?format=ai-act-annex-viii",
                            "?format=model-card",
                            "?format=html",
                            "/questionnaire",
                            "/history",
                            "/history/1",
                            "/compare?from=1&to=2")) {
                assertProblem(record(other, GE, id, query), 404);
                assertProblem(record(other, "bochum", id, query), 404);
            }
            assertProblem(putRecord(other, GE, id, fullRecord("x", "y")), 404);
            assertProblem(deployer.questionnaire(other, GE, id), 404);
        }
        assertProblem(record(null, GE, id, ""), 401);
        // a member of the tenant may read, not write
        String bernd = token("bernd.deployer");
        String own =
                deployer.created(
                        bernd, "bochum", Registry.unique("eigen"), Deployer.COUNTER, "1.0.0", null);
        String mia = token("mia.member");
        assertEquals(200, record(mia, "bochum", own, "").statusCode());
        assertProblem(putRecord(mia, "bochum", own, fullRecord("x", "y")), 403);
    }

    @Test
    void malformedRecordsAndAnswersGetAClearProblem() {
        String gina = token("gina.admin");
        String id =
                deployer.created(
                        gina, GE, Registry.unique("falsch"), Deployer.COUNTER, "1.0.0", null);
        String path = Deployer.path(GE, id);
        JsonObject unknown =
                assertProblem(http.json(gina, "PUT", path + "/record", "{\"zweck\":\"x\"}"), 400);
        assertTrue(unknown.getString("detail").contains("zweck"), unknown.toString());
        assertProblem(
                http.json(gina, "PUT", path + "/record", "{\"website\":\"javascript:alert(1)\"}"),
                400);
        assertProblem(http.json(gina, "PUT", path + "/record", "{\"startDate\":\"bald\"}"), 400);
        assertProblem(http.json(gina, "PUT", path + "/record", "[1]"), 400);
        assertProblem(http.json(gina, "PUT", path + "/record", "{\"purpose\":"), 400);
        JsonObject partial =
                assertProblem(
                        http.json(
                                gina,
                                "PUT",
                                path + "/record/questionnaire",
                                "{\"answers\":{\"socialScoring\":false}}"),
                        400);
        assertTrue(partial.getString("detail").contains("missing"), partial.toString());
        assertProblem(http.json(gina, "PUT", path + "/record/questionnaire", "{}"), 400);
        // nothing half-written
        assertEquals(0, json(get(base, path + "/record", gina).body()).getInt("revision"));
        assertTrue(parse(get(base, path + "/record/history", gina).body()).asJsonArray().isEmpty());
    }

    private static void assertEscaped(String html) {
        assertFalse(html.contains(SCRIPT), "markup from the record reached the page");
        assertTrue(html.contains("&lt;script&gt;"), html);
    }
}
