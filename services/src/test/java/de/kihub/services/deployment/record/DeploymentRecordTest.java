package de.kihub.services.deployment.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentRecordTest {

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static DeploymentRecord minimal() {
        return DeploymentRecord.parse(
                json(
                        "{\"purpose\":\"Besucherströme lenken\",\"legalBasis\":\"Art. 6 Abs. 1"
                                + " lit. e DSGVO\",\"contact\":\"datenschutz@example.org\"}"));
    }

    @Test
    void theMinimalRecordIsCompleteForLowRiskButNotForHighRisk() {
        DeploymentRecord r = minimal();
        assertEquals(List.of(), r.missing(AiActRiskClass.MINIMAL_RISK));
        assertEquals(List.of(), r.missing(null));
        assertEquals(List.of("friaSummary", "dpiaSummary"), r.missing(AiActRiskClass.HIGH_RISK));
        assertEquals(
                List.of("purpose", "legalBasis", "contact"),
                DeploymentRecord.EMPTY.missing(AiActRiskClass.MINIMAL_RISK));
        DeploymentRecord assessed =
                r.with(RecordField.FRIA_SUMMARY, "Keine Grundrechte betroffen, weil ...")
                        .with(RecordField.DPIA_SUMMARY, "DSFA vom 1.3.2026: ...");
        assertEquals(List.of(), assessed.missing(AiActRiskClass.HIGH_RISK));
    }

    @Test
    void readsEveryKindOfFieldAndWritesItBackUnchanged() {
        DeploymentRecord r =
                DeploymentRecord.parse(
                        json(
                                "{\"name\":\"  Besucherzählung Arena  \",\"startDate\":\"2026-05\","
                                        + "\"endDate\":\"2027-04-30\",\"impactful\":false,"
                                        + "\"website\":\"https://example.org/zaehlung\","
                                        + "\"impactAssessments\":[{\"title\":\"DSFA\","
                                        + "\"link\":\"https://example.org/dsfa.pdf\"},"
                                        + "{\"title\":\"Interne Prüfung\"}],"
                                        + "\"theme\":\"\",\"humanIntervention\":null}"));
        assertEquals("Besucherzählung Arena", r.text(RecordField.NAME));
        assertEquals(Boolean.FALSE, r.flag(RecordField.IMPACTFUL));
        assertEquals(
                List.of(
                        new RecordLink("DSFA", "https://example.org/dsfa.pdf"),
                        new RecordLink("Interne Prüfung", null)),
                r.links(RecordField.IMPACT_ASSESSMENTS));
        assertFalse(r.has(RecordField.THEME), "blank is no value");
        assertFalse(r.has(RecordField.HUMAN_INTERVENTION));
        assertEquals(r, DeploymentRecord.parse(r.toJson()));
        assertEquals(r, DeploymentRecord.fromStored(r.toJson()));
        assertFalse(r.toJson().containsKey("theme"), "no nulls in the JSON");
    }

    @Test
    void refusesUnknownFieldsWrongTypesAndBadValuesNamingTheField() {
        assertRefused("{\"purpose\":\"x\",\"legalbasis\":\"y\"}", "legalbasis");
        assertRefused("{\"purpose\":42}", "purpose");
        assertRefused("{\"impactful\":\"yes\"}", "impactful");
        assertRefused("{\"website\":\"javascript:alert(1)\"}", "website");
        assertRefused("{\"website\":\"example.org\"}", "website");
        assertRefused("{\"startDate\":\"May 2026\"}", "startDate");
        assertRefused("{\"startDate\":\"2026-13\"}", "startDate");
        assertRefused("{\"impactAssessments\":[{\"link\":\"https://x.org\"}]}", "title");
        assertRefused(
                "{\"impactAssessments\":[{\"title\":\"a\",\"link\":\"ftp://x.org\"}]}",
                "impactAssessments[0].link");
        assertRefused("{\"impactAssessments\":[{\"title\":\"a\",\"url\":\"x\"}]}", "url");
        assertRefused("{\"name\":\"" + "n".repeat(101) + "\"}", "name");
    }

    private static void assertRefused(String body, String mentioned) {
        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class, () -> DeploymentRecord.parse(json(body)));
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    @Test
    void prefilledValuesFillOnlyEmptyFieldsAndAreMarked() {
        DeploymentRecord written =
                minimal().with(RecordField.CONSIDERATIONS, "Eigene Abwägung der Stadt");
        Prefill prefill =
                new Prefill(
                        Map.of(
                                RecordField.CONSIDERATIONS, "Aus der Modellkarte",
                                RecordField.TECHNICAL_OPERATION, "CenterNet, ONNX"),
                        "KI-Hub",
                        "Stadt Gelsenkirchen");
        DeploymentRecord r = prefill.apply(written);
        assertEquals("Eigene Abwägung der Stadt", r.text(RecordField.CONSIDERATIONS));
        assertEquals("CenterNet, ONNX", r.text(RecordField.TECHNICAL_OPERATION));
        assertEquals("KI-Hub", r.text(RecordField.SUPPLIER));
        assertEquals("Stadt Gelsenkirchen", r.text(RecordField.ORGANISATION));
        assertEquals(
                Map.of(
                        "technicalOperation", "model-card",
                        "supplier", "model",
                        "organisation", "tenant"),
                r.prefilled());
        // the marks survive storage, a client cannot set them, and the same request is no change
        assertEquals(r, DeploymentRecord.fromStored(r.toJson()));
        assertEquals(Map.of(), DeploymentRecord.parse(r.toJson()).prefilled());
        assertEquals(r, prefill.apply(written));
        // writing a pre-filled field makes it the tenant's
        DeploymentRecord own = r.with(RecordField.TECHNICAL_OPERATION, "Eigene Beschreibung");
        assertNull(own.prefilled().get("technicalOperation"));
    }

    @Test
    void linksAreLimited() {
        StringBuilder many = new StringBuilder("{\"dataSourceLinks\":[");
        for (int i = 0; i <= DeploymentRecord.MAX_LINKS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"title\":\"t").append(i).append("\"}");
        }
        assertRefused(many.append("]}").toString(), "dataSourceLinks");
    }
}
