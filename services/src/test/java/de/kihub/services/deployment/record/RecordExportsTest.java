package de.kihub.services.deployment.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordExportsTest {
    static final UUID ID = UUID.fromString("0b6c7a52-5f0e-4d7f-9d51-6a1b0c2d3e4f");

    /** Every field written, as a municipality would. */
    static DeploymentRecord full() {
        DeploymentRecord r = DeploymentRecord.EMPTY;
        for (RecordField f : RecordField.values()) {
            Object value =
                    switch (f.kind()) {
                        case TEXT -> "Text zu " + f.key();
                        case URL -> "https://example.org/" + f.key();
                        case DATE -> f == RecordField.START_DATE ? "2026-05-01" : "2027-04";
                        case FLAG -> Boolean.TRUE;
                        case LINKS ->
                                List.of(
                                        new RecordLink("DSFA", "https://example.org/dsfa"),
                                        new RecordLink("Prüfung", null));
                    };
            r = r.with(f, value);
        }
        return r;
    }

    static RecordSubject subject(RegisterStatus status) {
        return new RecordSubject(
                ID,
                "gelsenkirchen",
                "arena-nord",
                "kihub/people-counter",
                "Personenzähler",
                "1.0.0",
                "people-counting",
                "MIT",
                status,
                Instant.parse("2026-05-02T08:00:00Z"),
                null,
                3,
                "dieter.dpo",
                Instant.parse("2026-05-01T10:00:00Z"));
    }

    /** Serialises and parses again: what a receiver gets. */
    static JsonObject roundTrip(JsonObject o) {
        try (var reader = Json.createReader(new StringReader(o.toString()))) {
            return reader.readObject();
        }
    }

    static final List<String> ALGORITMEREGISTER_FIELDS =
            List.of(
                    "name",
                    "organization",
                    "description_short",
                    "category",
                    "status",
                    "begin_date",
                    "end_date",
                    "contact_email",
                    "website",
                    "publication_category",
                    "goal",
                    "proportionality",
                    "human_intervention",
                    "risks",
                    "lawful_basis",
                    "lawful_basis_link",
                    "lawful_basis_grouping",
                    "process_index_url",
                    "impacttoetsen",
                    "impacttoetsen_grouping",
                    "source_data",
                    "source_data_grouping",
                    "methods_and_models",
                    "provider",
                    "publiccode",
                    "lang",
                    "standard_version",
                    "source_id",
                    "tags");

    @Test
    void algoritmeregisterHasEveryFieldOfTheStandard() {
        RecordDocument doc =
                new RecordDocument(
                        subject(RegisterStatus.IN_USE), full(), AiActQuestionnaireTest.yesTo());
        JsonObject o = roundTrip(RecordExports.algoritmeregister(doc));
        assertEquals(
                ALGORITMEREGISTER_FIELDS.stream().sorted().toList(),
                o.keySet().stream().sorted().toList());
        for (String key : ALGORITMEREGISTER_FIELDS) {
            assertFalse(o.isNull(key), key + " has a value when the record is full");
        }
        assertEquals("Text zu name", o.getString("name"));
        assertEquals("In gebruik", o.getString("status"));
        assertEquals("2026-05", o.getString("begin_date"));
        assertEquals("2027-04", o.getString("end_date"));
        assertEquals("Impactvolle algoritmes", o.getString("publication_category"));
        assertEquals("Text zu purpose\n\nText zu impact", o.getString("goal"));
        assertEquals("Text zu considerations", o.getString("proportionality"));
        assertEquals("Text zu riskManagement", o.getString("risks"));
        assertEquals("DSFA, Prüfung", o.getString("impacttoetsen"));
        assertEquals(
                "https://example.org/dsfa",
                o.getJsonArray("impacttoetsen_grouping").getJsonObject(0).getString("link"));
        assertTrue(o.getJsonArray("impacttoetsen_grouping").getJsonObject(1).isNull("link"));
        assertEquals(ID.toString(), o.getString("source_id"));
        assertEquals("Text zu theme", o.getJsonArray("category").getString(0));
    }

    @Test
    void anEmptyRecordStillHasEveryFieldWithFallbacksForTheRequiredOnes() {
        RecordDocument doc =
                new RecordDocument(
                        subject(RegisterStatus.IN_DEVELOPMENT), DeploymentRecord.EMPTY, null);
        JsonObject o = roundTrip(RecordExports.algoritmeregister(doc));
        assertEquals(ALGORITMEREGISTER_FIELDS.size(), o.size());
        assertEquals("arena-nord", o.getString("name"));
        assertEquals("gelsenkirchen", o.getString("organization"));
        assertEquals("In ontwikkeling", o.getString("status"));
        assertEquals("Overige algoritmes", o.getString("publication_category"));
        assertEquals("2026-05", o.getString("begin_date"), "from the activation");
        assertTrue(o.isNull("goal") && o.isNull("category"));
    }

    @Test
    void aHighRiskDeploymentIsPublishedInTheHighRiskCategory() {
        RecordDocument doc =
                new RecordDocument(
                        subject(RegisterStatus.IN_USE),
                        DeploymentRecord.EMPTY,
                        AiActQuestionnaireTest.yesTo(AiActQuestion.BIOMETRIC_IDENTIFICATION));
        assertEquals(
                "Hoog-risico AI-systeem",
                RecordExports.algoritmeregister(doc).getString("publication_category"));
    }

    @Test
    void atrsHasBothTiersAndEverySection() {
        RecordDocument doc =
                new RecordDocument(
                        subject(RegisterStatus.IN_USE), full(), AiActQuestionnaireTest.yesTo());
        JsonObject o = roundTrip(RecordExports.atrs(doc));
        JsonObject tier1 = o.getJsonObject("tier_1");
        assertEquals(
                List.of("contact_email", "description", "name", "website"),
                tier1.keySet().stream().sorted().toList());
        assertEquals("Text zu shortDescription", tier1.getString("description"));
        JsonObject tier2 = o.getJsonObject("tier_2");
        Map<String, List<String>> sections =
                Map.of(
                        "owner_and_responsibility",
                        List.of(
                                "organisation",
                                "team",
                                "senior_responsible_owner",
                                "external_supplier_involvement",
                                "external_supplier"),
                        "description_and_rationale",
                        List.of(
                                "detailed_description",
                                "scope",
                                "benefit",
                                "alternatives_considered",
                                "legal_basis"),
                        "decision_making_process",
                        List.of(
                                "human_decisions_and_review",
                                "frequency_and_scale_of_usage",
                                "appeals_and_review"),
                        "tool_specification",
                        List.of("system_architecture", "phase", "source_code", "models"),
                        "data_specification",
                        List.of("data_description", "source_data_urls", "data_access_and_storage"),
                        "risks_mitigations_and_impact_assessments",
                        List.of(
                                "impact_assessments",
                                "risks_and_mitigations",
                                "considerations",
                                "eu_ai_act_risk_class"));
        assertEquals(sections.keySet(), tier2.keySet());
        sections.forEach(
                (section, keys) -> {
                    JsonObject s = tier2.getJsonObject(section);
                    assertEquals(
                            keys.stream().sorted().toList(),
                            s.keySet().stream().sorted().toList(),
                            section);
                    for (String key : keys) {
                        assertFalse(s.isNull(key), section + "." + key);
                    }
                });
        assertEquals("Production", tier2.getJsonObject("tool_specification").getString("phase"));
        assertEquals(
                "1.0.0",
                tier2.getJsonObject("tool_specification")
                        .getJsonArray("models")
                        .getJsonObject(0)
                        .getString("model_version"));
        assertEquals(
                "MINIMAL_RISK",
                tier2.getJsonObject("risks_mitigations_and_impact_assessments")
                        .getString("eu_ai_act_risk_class"));
    }

    @Test
    void annexViiiListsSectionCAndWhatAHighRiskRegistrationStillLacks() {
        RecordDocument highRisk =
                new RecordDocument(
                        subject(RegisterStatus.IN_DEVELOPMENT),
                        DeploymentRecord.EMPTY
                                .with(RecordField.CONTACT, "kontakt@example.org")
                                .with(RecordField.FRIA_SUMMARY, "GRFA: ..."),
                        AiActQuestionnaireTest.yesTo(AiActQuestion.BIOMETRIC_IDENTIFICATION));
        JsonObject o = roundTrip(RecordExports.annexViii(highRisk));
        for (String key :
                List.of(
                        "regulation",
                        "riskClass",
                        "registrationRequired",
                        "registrationNote",
                        "deployer",
                        "submitter",
                        "euDatabaseEntryUrl",
                        "fundamentalRightsImpactAssessmentSummary",
                        "dataProtectionImpactAssessmentSummary",
                        "missing")) {
            assertTrue(o.containsKey(key), key);
        }
        assertEquals(
                List.of("address", "contact", "name"),
                o.getJsonObject("deployer").keySet().stream().sorted().toList());
        assertTrue(o.getBoolean("registrationRequired"));
        assertEquals("HIGH_RISK", o.getString("riskClass"));
        assertEquals("GRFA: ...", o.getString("fundamentalRightsImpactAssessmentSummary"));
        assertEquals(
                List.of("deployerAddress", "submitter", "euDatabaseEntry", "dpiaSummary"),
                o.getJsonArray("missing").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.replace("\"", ""))
                        .toList());

        JsonObject minimal =
                RecordExports.annexViii(
                        new RecordDocument(
                                subject(RegisterStatus.IN_USE),
                                full(),
                                AiActQuestionnaireTest.yesTo()));
        assertFalse(minimal.getBoolean("registrationRequired"));
        assertTrue(minimal.getJsonArray("missing").isEmpty());
        assertEquals(
                "Text zu deployerAddress", minimal.getJsonObject("deployer").getString("address"));
    }

    @Test
    void deploymentSectionKeepsEveryValueOnItsLine() {
        RecordSubject s = subject(RegisterStatus.IN_USE);
        String md =
                DeploymentCardSection.markdown(
                        new RecordDocument(s, full(), AiActQuestionnaireTest.yesTo()));
        assertTrue(md.startsWith("## Deployment / Einsatz\n\n"), md);
        assertTrue(md.contains("- Model version: " + s.model() + " " + s.version() + "\n"), md);
        assertTrue(md.contains("- EU AI Act: MINIMAL_RISK\n"), md);
        for (String line : md.strip().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("## ") || line.startsWith("- "), line);
        }
        String plain =
                DeploymentCardSection.markdown(new RecordDocument(s, DeploymentRecord.EMPTY, null));
        assertFalse(plain.contains("EU AI Act"), plain);
        assertFalse(plain.contains("Zweck"), plain);
    }
}
