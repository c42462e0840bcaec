package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.portal.security.Caller;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentStatus;
import de.kihub.services.deployment.RecordView;
import de.kihub.services.deployment.record.AiActQuestion;
import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.AiActRiskClass;
import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.RecordDocument;
import de.kihub.services.deployment.record.RecordSubject;
import de.kihub.services.deployment.record.RegisterStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The municipality's deployment pages rendered without a server: the forms, their CSRF field, field
 * errors tied to their inputs, both languages, and that what people typed is escaped.
 */
class DeploymentPagesTest {
    static final Caller GINA =
            Caller.person(
                    "gina.admin",
                    TenantId.of("gelsenkirchen"),
                    List.of(TenantId.of("gelsenkirchen")),
                    Set.of("tenant-admin", "member"));
    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000042");

    static Deployment deployment(DeploymentStatus status, Deployment.SignOff signOff) {
        JsonObject config =
                Json.createReader(
                                new java.io.StringReader(
                                        "{\"scoreThreshold\":0.44999998807907104,\"minBoxSize\":0,"
                                                + "\"lines\":[{\"name\":\"Eingang\",\"from\":[10,20],"
                                                + "\"to\":[300,20]}],\"zones\":[],"
                                                + "\"aggregationSeconds\":60,\"retentionDays\":365}"))
                        .readObject();
        return new Deployment(
                ID,
                "gelsenkirchen",
                "zaehler-<b>markt</b>",
                "kihub/people-counter",
                "1.0.0",
                null,
                "people-counting",
                status,
                config,
                JsonObject.EMPTY_JSON_OBJECT,
                1,
                signOff,
                AiActRiskClass.MINIMAL_RISK,
                "gina.admin",
                Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-01T10:00:00Z"),
                null,
                null);
    }

    static PageModel page(Locale locale) {
        PageModel page =
                PageTemplatesTest.page(locale, GINA, "/kommune/einsaetze/" + ID, null)
                        .put("csrfToken", "tok")
                        .put("tenantId", "gelsenkirchen");
        return page;
    }

    @Test
    void configurationFormShowsFieldErrorsNextToTheirInputs() {
        FormErrors errors = new FormErrors().key("lines", "configuration.error.point", "10;x");
        Map<String, String> values = ConfigurationForm.of(deployment(null, null).configuration());
        values.put("lines", "Eingang: 10;x");
        PageModel page =
                page(Locale.GERMAN)
                        .put("step", 2)
                        .put("d", null)
                        .put("model", "kihub/people-counter")
                        .put("version", "1.0.0")
                        .put("counting", true)
                        .put("name", "<script>x</script>")
                        .put("values", values)
                        .put("errors", errors.map());
        String html = PageTemplatesTest.render("deployment-configuration", page);
        assertTrue(html.contains("name=\"csrf\" value=\"tok\""), html);
        assertTrue(html.contains("id=\"err-lines\""), html);
        assertTrue(html.contains("aria-describedby=\"hint-lines err-lines\""), html);
        assertTrue(html.contains("„10;x“ ist kein Punkt"), html);
        assertTrue(html.contains("value=\"0.45\""), html);
        assertFalse(html.contains("<script>x"), html);
        assertTrue(html.contains("/static/frame-drawing.js"), html);
        assertTrue(html.contains("aria-current=\"step\""), html);
    }

    @Test
    void deploymentPageShowsRecordStateActionsAndLinks() {
        Deployment d =
                deployment(
                        DeploymentStatus.READY,
                        new Deployment.SignOff(
                                "dieter.dpo", Instant.parse("2026-05-02T09:30:00Z"), "ok"));
        RecordView view =
                new RecordView(
                        ID,
                        d.name(),
                        d.status(),
                        1,
                        JsonObject.EMPTY_JSON_OBJECT,
                        List.of(),
                        null,
                        d.riskClass(),
                        d.signOff(),
                        "gina.admin",
                        Instant.now());
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            PageModel page =
                    page(locale)
                            .put("d", d)
                            .put("view", view)
                            .put("actions", List.of("activate", "retire"))
                            .put("operator", true)
                            .put("configuration", ConfigurationForm.of(d.configuration()))
                            .put("configFields", ConfigurationForm.FIELDS)
                            .put("createdAt", "2026-05-01 10:00 UTC")
                            .put("signedAt", "2026-05-02 09:30 UTC")
                            .put("counting", true)
                            .put("upgrades", List.of("1.1.0"))
                            .put(
                                    "exports",
                                    List.of(
                                            new DeploymentPage.Export(
                                                    "atrs", "/api/x?format=atrs")))
                            .put("transparency", null);
            String html = PageTemplatesTest.render("deployment-view", page);
            assertTrue(html.contains("zaehler-&lt;b&gt;markt&lt;/b&gt;"), html);
            assertTrue(html.contains("/kommune/auswertung/" + ID), html);
            assertTrue(html.contains("/kommune/einsaetze/" + ID + "/zugaenge"), html);
            assertTrue(html.contains("Eingang: 10,20 300,20"), html);
            assertTrue(html.contains("dieter.dpo"), html);
            assertTrue(html.contains("class=\"action-upgrade\""), html);
            assertFalse(html.contains("??"), html);
        }
    }

    @Test
    void questionnaireShowsTheAssessmentAndUnansweredErrors() {
        Map<AiActQuestion, Boolean> answers = new EnumMap<>(AiActQuestion.class);
        for (AiActQuestion q : AiActQuestion.values()) {
            answers.put(q, false);
        }
        AiActQuestionnaire q = AiActQuestionnaire.of(answers);
        List<DeploymentWizard.Group> groups =
                List.of(
                        new DeploymentWizard.Group(
                                "PROHIBITED",
                                List.of(
                                        new DeploymentWizard.Question(
                                                "socialScoring", "Art. 5(1)(c)", "Frage?", null))));
        PageModel page =
                page(Locale.ENGLISH)
                        .put("step", 4)
                        .put("id", ID)
                        .put("groups", groups)
                        .put("assessment", q.assessment())
                        .put("status", DeploymentStatus.PENDING_DOCUMENTATION)
                        .put(
                                "errors",
                                new FormErrors()
                                        .key(
                                                "socialScoring",
                                                "questionnaire.error.unanswered",
                                                null)
                                        .map());
        String html = PageTemplatesTest.render("deployment-questionnaire", page);
        assertTrue(html.contains("id=\"risk-class\""), html);
        assertTrue(html.contains("Please answer this question"), html);
        assertTrue(html.contains("aria-describedby=\"err-socialScoring\""), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void recordFormMarksPrefilledAndRequiredFields() {
        JsonObject record =
                Json.createObjectBuilder()
                        .add("technicalOperation", "NanoDet-m")
                        .add(
                                DeploymentRecord.PREFILLED,
                                Json.createObjectBuilder().add("technicalOperation", "model-card"))
                        .build();
        RecordView view =
                new RecordView(
                        ID,
                        "zaehler",
                        DeploymentStatus.PENDING_DOCUMENTATION,
                        0,
                        record,
                        List.of("purpose"),
                        null,
                        null,
                        null,
                        null,
                        null);
        PageModel page =
                page(Locale.GERMAN)
                        .put("step", 3)
                        .put("view", view)
                        .put("sections", RecordForm.sections(record, null, Locale.GERMAN))
                        .put("errors", new FormErrors().text("website", "'website' bad").map());
        String html = PageTemplatesTest.render("deployment-record", page);
        assertTrue(html.contains("Aus der Modellkarte übernommen"), html);
        assertTrue(html.contains("NanoDet-m"), html);
        assertTrue(html.contains("id=\"err-website\""), html);
        assertTrue(html.contains("(Pflicht für die Freigabe)"), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void documentationViewAndCredentialsAndQueueRender() {
        Deployment d = deployment(DeploymentStatus.PENDING_DOCUMENTATION, null);
        RecordSubject subject =
                new RecordSubject(
                        ID,
                        "gelsenkirchen",
                        d.name(),
                        d.model(),
                        "Personenzählung",
                        "1.0.0",
                        "people-counting",
                        "Apache-2.0",
                        RegisterStatus.IN_DEVELOPMENT,
                        null,
                        null,
                        1,
                        null,
                        null);
        RecordDocument doc =
                new RecordDocument(
                        subject,
                        DeploymentRecord.EMPTY.with(
                                de.kihub.services.deployment.record.RecordField.PURPOSE,
                                "Zählen <i>"),
                        null);
        RecordView view =
                new RecordView(
                        ID,
                        d.name(),
                        d.status(),
                        1,
                        JsonObject.EMPTY_JSON_OBJECT,
                        List.of("legalBasis", "questionnaire"),
                        null,
                        null,
                        null,
                        null,
                        null);
        Caller dieter =
                Caller.person(
                        "dieter.dpo",
                        TenantId.of("gelsenkirchen"),
                        List.of(TenantId.of("gelsenkirchen")),
                        Set.of("dpo"));
        PageModel page =
                PageTemplatesTest.page(Locale.GERMAN, dieter, "/x", null).put("csrfToken", "tok");
        page.values().putAll(RecordPage.model(doc, Locale.GERMAN, false));
        page.put("d", d)
                .put("view", view)
                .put("signedAt", null)
                .put("dpo", true)
                .put("comment", "")
                .put(
                        "errors",
                        new FormErrors().key("comment", "documentation.error.comment", null).map())
                .put("exports", List.of(new DeploymentPage.Export("html", "/api/x?format=html")));
        String html = PageTemplatesTest.render("deployment-documentation", page);
        assertTrue(html.contains("id=\"sign-off-form\""), html);
        assertTrue(html.contains("Zählen &lt;i&gt;"), html);
        assertTrue(html.contains("id=\"err-comment\""), html);
        assertTrue(html.contains("id=\"nav-signoffs\""), html);
        assertFalse(html.contains("??"), html);

        PageModel creds =
                page(Locale.GERMAN)
                        .put("d", d)
                        .put("credentials", List.of())
                        .put(
                                "issued",
                                new DeploymentCredentials.Issued(
                                        "Kamera", "kid", "kihub_kid_s3cret"))
                        .put("name", "")
                        .put("errors", Map.of());
        String c = PageTemplatesTest.render("deployment-credentials", creds);
        assertTrue(c.contains("value=\"kihub_kid_s3cret\""), c);
        assertFalse(c.contains("??"), c);

        PageModel queue =
                PageTemplatesTest.page(Locale.ENGLISH, dieter, "/kommune/freigaben", null)
                        .put("tenantId", "gelsenkirchen")
                        .put(
                                "waiting",
                                List.of(new SignOffQueueServlet.Waiting(d, List.of("legalBasis"))));
        String q = PageTemplatesTest.render("signoffs", queue);
        assertTrue(q.contains("/kommune/einsaetze/" + ID + "/dokumentation"), q);
        assertFalse(q.contains("??"), q);
    }

    @Test
    void newDeploymentListsModelsAndVersions() {
        PageModel page =
                page(Locale.GERMAN)
                        .put("step", 1)
                        .put(
                                "choices",
                                List.of(
                                        new DeploymentWizard.Choice(
                                                "kihub/people-counter",
                                                "Personenzählung",
                                                "people-counting")))
                        .put("model", "kihub/people-counter")
                        .put("versions", List.of("1.0.0"))
                        .put("errors", Map.of());
        String html = PageTemplatesTest.render("deployment-new", page);
        assertTrue(html.contains("value=\"1.0.0\""), html);
        assertTrue(html.contains("action=\"/kommune/einsaetze/neu/konfiguration\""), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void configurationFormReadsPointsLinesAndZones() {
        FormErrors errors = new FormErrors();
        JsonObject json =
                ConfigurationForm.toJson(
                        Map.of(
                                "scoreThreshold", "0,5",
                                "regionOfInterest", "0,0 768,0 768,576",
                                "lines", "Eingang: 10,20 300,20\n\n Ausgang : 1.5,2 3,4",
                                "zones", "Bank: 0,0 10,0 10,10",
                                "aggregationSeconds", "120"),
                        errors);
        assertTrue(errors.isEmpty(), errors.map().toString());
        assertEquals(0.5, json.getJsonNumber("scoreThreshold").doubleValue());
        assertEquals("Ausgang", json.getJsonArray("lines").getJsonObject(1).getString("name"));
        assertEquals(
                300,
                json.getJsonArray("lines")
                        .getJsonObject(0)
                        .getJsonArray("to")
                        .getJsonNumber(0)
                        .intValue());
        assertEquals(3, json.getJsonArray("zones").getJsonObject(0).getJsonArray("polygon").size());
        assertEquals(120, json.getInt("aggregationSeconds"));

        FormErrors bad = new FormErrors();
        ConfigurationForm.toJson(
                Map.of("lines", "10,20 30,40", "zones", "Z: 1,1 2,2", "retentionDays", "viele"),
                bad);
        assertTrue(bad.has("lines"));
        assertTrue(bad.has("zones"));
        assertTrue(bad.has("retentionDays"));
    }

    @Test
    void serviceMessagesLandAtTheFieldTheyName() {
        FormErrors e =
                new FormErrors()
                        .service("'website' must be an absolute http(s) URL", RecordForm.KEYS);
        assertTrue(e.has("website"));
        FormErrors general = new FormErrors().service("Something else.", RecordForm.KEYS);
        assertTrue(general.has(FormErrors.GENERAL));
    }

    @Test
    void recordFormKeepsPrefilledFieldsSentBackUnchanged() {
        JsonObject current =
                Json.createObjectBuilder()
                        .add("technicalOperation", "NanoDet-m")
                        .add(
                                DeploymentRecord.PREFILLED,
                                Json.createObjectBuilder().add("technicalOperation", "model-card"))
                        .build();
        FormErrors errors = new FormErrors();
        JsonObject json =
                RecordForm.toJson(
                        Map.of(
                                "technicalOperation", "NanoDet-m",
                                "purpose", "Zählen",
                                "impactful", "false",
                                "impactAssessments", "DSFA | https://example.org/dsfa\nFRIA"),
                        current,
                        errors);
        assertTrue(errors.isEmpty());
        assertFalse(json.containsKey("technicalOperation"));
        assertEquals("Zählen", json.getString("purpose"));
        assertFalse(json.getBoolean("impactful"));
        assertEquals(2, json.getJsonArray("impactAssessments").size());
        DeploymentRecord.parse(json); // the service accepts what the form sends
    }
}
