package de.kihub.services.deployment.record;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A record in the formats others read: the Dutch Algoritmeregister (field names of its API,
 * standard 1.0), the UK ATRS (tier 1 and 2), and Annex VIII Section C of the EU AI Act. Every field
 * of a format is present; a value the record lacks is null.
 */
public final class RecordExports {
    static final String HIGH_RISK_CATEGORY = "Hoog-risico AI-systeem";
    static final String IMPACTFUL_CATEGORY = "Impactvolle algoritmes";
    static final String OTHER_CATEGORY = "Overige algoritmes";

    private RecordExports() {}

    /** Algoritmeregister publication standard 1.0, with the field names of the register's API. */
    public static JsonObject algoritmeregister(RecordDocument doc) {
        DeploymentRecord r = doc.record();
        RecordSubject s = doc.subject();
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "name", doc.name());
        put(b, "organization", doc.organisation());
        String description = r.text(RecordField.SHORT_DESCRIPTION);
        put(b, "description_short", description != null ? description : cut(purpose(r), 350));
        String theme = r.text(RecordField.THEME);
        b.add(
                "category",
                theme == null ? JsonValue.NULL : Json.createArrayBuilder().add(theme).build());
        put(b, "status", s.status().algoritmeregister());
        put(b, "begin_date", month(r.text(RecordField.START_DATE), s.activatedAt()));
        put(b, "end_date", month(r.text(RecordField.END_DATE), s.retiredAt()));
        put(b, "contact_email", r.text(RecordField.CONTACT));
        put(b, "website", r.text(RecordField.WEBSITE));
        put(b, "publication_category", publicationCategory(doc));
        put(b, "goal", purpose(r));
        put(b, "proportionality", r.text(RecordField.CONSIDERATIONS));
        put(b, "human_intervention", r.text(RecordField.HUMAN_INTERVENTION));
        put(b, "risks", r.text(RecordField.RISK_MANAGEMENT));
        put(b, "lawful_basis", r.text(RecordField.LEGAL_BASIS));
        put(b, "lawful_basis_link", r.text(RecordField.LEGAL_BASIS_LINK));
        String legalLink = r.text(RecordField.LEGAL_BASIS_LINK);
        b.add(
                "lawful_basis_grouping",
                legalLink == null
                        ? JsonValue.NULL
                        : Json.createArrayBuilder()
                                .add(
                                        Json.createObjectBuilder()
                                                .add(
                                                        "title",
                                                        cut(r.text(RecordField.LEGAL_BASIS), 100))
                                                .add("link", legalLink))
                                .build());
        put(b, "process_index_url", r.text(RecordField.PROCESSING_REGISTER));
        List<RecordLink> assessments = r.links(RecordField.IMPACT_ASSESSMENTS);
        put(
                b,
                "impacttoetsen",
                assessments.isEmpty()
                        ? null
                        : assessments.stream()
                                .map(RecordLink::title)
                                .collect(Collectors.joining(", ")));
        b.add("impacttoetsen_grouping", grouping(assessments));
        put(b, "source_data", r.text(RecordField.DATA_SOURCES));
        b.add("source_data_grouping", grouping(r.links(RecordField.DATA_SOURCE_LINKS)));
        put(b, "methods_and_models", r.text(RecordField.TECHNICAL_OPERATION));
        put(b, "provider", r.text(RecordField.SUPPLIER));
        put(b, "publiccode", r.text(RecordField.SOURCE_CODE_LINK));
        // the record is written in German; the register itself accepts NLD, ENG and FRY
        put(b, "lang", "DEU");
        put(b, "standard_version", "1.0");
        put(b, "source_id", s.deploymentId().toString());
        put(b, "tags", s.task());
        return b.build();
    }

    /** UK Algorithmic Transparency Recording Standard: tier 1 (summary) and tier 2 (details). */
    public static JsonObject atrs(RecordDocument doc) {
        DeploymentRecord r = doc.record();
        RecordSubject s = doc.subject();
        JsonObjectBuilder tier1 = Json.createObjectBuilder();
        put(tier1, "name", doc.name());
        String description = r.text(RecordField.SHORT_DESCRIPTION);
        put(tier1, "description", description != null ? description : purpose(r));
        put(tier1, "website", r.text(RecordField.WEBSITE));
        put(tier1, "contact_email", r.text(RecordField.CONTACT));

        JsonObjectBuilder owner = Json.createObjectBuilder();
        put(owner, "organisation", doc.organisation());
        put(owner, "team", r.text(RecordField.RESPONSIBLE_TEAM));
        put(owner, "senior_responsible_owner", r.text(RecordField.SENIOR_RESPONSIBLE_OWNER));
        owner.add("external_supplier_involvement", r.has(RecordField.SUPPLIER));
        put(owner, "external_supplier", r.text(RecordField.SUPPLIER));

        JsonObjectBuilder rationale = Json.createObjectBuilder();
        put(rationale, "detailed_description", r.text(RecordField.PURPOSE));
        put(rationale, "scope", r.text(RecordField.IMPACT));
        put(rationale, "benefit", r.text(RecordField.BENEFITS));
        put(rationale, "alternatives_considered", r.text(RecordField.ALTERNATIVES_CONSIDERED));
        put(rationale, "legal_basis", r.text(RecordField.LEGAL_BASIS));

        JsonObjectBuilder decisions = Json.createObjectBuilder();
        put(decisions, "human_decisions_and_review", r.text(RecordField.HUMAN_INTERVENTION));
        put(decisions, "frequency_and_scale_of_usage", r.text(RecordField.FREQUENCY_AND_SCALE));
        put(decisions, "appeals_and_review", r.text(RecordField.APPEALS_AND_REVIEW));

        JsonObjectBuilder model = Json.createObjectBuilder();
        put(model, "model_name", s.model());
        put(model, "model_version", s.version());
        put(model, "model_task", s.task());
        put(model, "model_performance", r.text(RecordField.PERFORMANCE));
        JsonObjectBuilder tool = Json.createObjectBuilder();
        put(tool, "system_architecture", r.text(RecordField.TECHNICAL_OPERATION));
        put(tool, "phase", s.status().atrsPhase());
        put(tool, "source_code", r.text(RecordField.SOURCE_CODE_LINK));
        tool.add("models", Json.createArrayBuilder().add(model));

        JsonObjectBuilder data = Json.createObjectBuilder();
        put(data, "data_description", r.text(RecordField.DATA_SOURCES));
        data.add("source_data_urls", grouping(r.links(RecordField.DATA_SOURCE_LINKS)));
        put(data, "data_access_and_storage", r.text(RecordField.DATA_ACCESS_AND_STORAGE));

        JsonObjectBuilder risks = Json.createObjectBuilder();
        JsonArrayBuilder assessments = Json.createArrayBuilder();
        for (RecordLink l : r.links(RecordField.IMPACT_ASSESSMENTS)) {
            JsonObjectBuilder a = Json.createObjectBuilder().add("name", l.title());
            put(a, "link", l.link());
            assessments.add(a);
        }
        risks.add("impact_assessments", assessments);
        put(risks, "risks_and_mitigations", r.text(RecordField.RISK_MANAGEMENT));
        put(risks, "considerations", r.text(RecordField.CONSIDERATIONS));
        put(risks, "eu_ai_act_risk_class", doc.riskClass() == null ? null : doc.riskClass().name());

        return Json.createObjectBuilder()
                .add("standard", "UK Algorithmic Transparency Recording Standard")
                .add("tier_1", tier1)
                .add(
                        "tier_2",
                        Json.createObjectBuilder()
                                .add("owner_and_responsibility", owner)
                                .add("description_and_rationale", rationale)
                                .add("decision_making_process", decisions)
                                .add("tool_specification", tool)
                                .add("data_specification", data)
                                .add("risks_mitigations_and_impact_assessments", risks))
                .build();
    }

    /**
     * Annex VIII Section C: what a deployer that is a public authority registers for the use of a
     * high-risk system of Annex III (Art. 49(3)). {@code missing} names the empty points when the
     * registration is required.
     */
    public static JsonObject annexViii(RecordDocument doc) {
        DeploymentRecord r = doc.record();
        AiActAssessment assessment =
                doc.questionnaire() == null ? null : doc.questionnaire().assessment();
        boolean required = assessment != null && assessment.euDatabaseRegistration();
        JsonObjectBuilder b = Json.createObjectBuilder();
        b.add("regulation", "Regulation (EU) 2024/1689 (AI Act), Annex VIII Section C");
        put(b, "riskClass", doc.riskClass() == null ? null : doc.riskClass().name());
        b.add("registrationRequired", required);
        b.add(
                "registrationNote",
                assessment == null
                        ? "The EU AI Act questionnaire is not answered yet."
                        : required
                                ? "A public authority deploying a high-risk system of Annex III"
                                        + " registers its use in the EU database before putting"
                                        + " it into service (Art. 49(3))."
                                : "No registration by the deployer: the system is not a"
                                        + " high-risk system of Annex III points 1 and 3 to 8.");
        JsonObjectBuilder deployer = Json.createObjectBuilder();
        put(deployer, "name", doc.organisation());
        put(deployer, "address", r.text(RecordField.DEPLOYER_ADDRESS));
        put(deployer, "contact", r.text(RecordField.CONTACT));
        b.add("deployer", deployer);
        put(b, "submitter", r.text(RecordField.SUBMITTER));
        put(b, "euDatabaseEntryUrl", r.text(RecordField.EU_DATABASE_ENTRY));
        put(b, "fundamentalRightsImpactAssessmentSummary", r.text(RecordField.FRIA_SUMMARY));
        put(b, "dataProtectionImpactAssessmentSummary", r.text(RecordField.DPIA_SUMMARY));
        List<String> missing = new ArrayList<>();
        if (required) {
            for (RecordField f :
                    List.of(
                            RecordField.DEPLOYER_ADDRESS,
                            RecordField.CONTACT,
                            RecordField.SUBMITTER,
                            RecordField.EU_DATABASE_ENTRY,
                            RecordField.FRIA_SUMMARY,
                            RecordField.DPIA_SUMMARY)) {
                if (!r.has(f)) {
                    missing.add(f.key());
                }
            }
        }
        b.add("missing", Json.createArrayBuilder(missing));
        return b.build();
    }

    static String publicationCategory(RecordDocument doc) {
        if (doc.riskClass() == AiActRiskClass.HIGH_RISK) {
            return HIGH_RISK_CATEGORY;
        }
        return Boolean.TRUE.equals(doc.record().flag(RecordField.IMPACTFUL))
                ? IMPACTFUL_CATEGORY
                : OTHER_CATEGORY;
    }

    /** The register's "doel en impact" is one text: the purpose, then the impact. */
    private static String purpose(DeploymentRecord r) {
        String purpose = r.text(RecordField.PURPOSE);
        String impact = r.text(RecordField.IMPACT);
        if (purpose == null) {
            return impact;
        }
        return impact == null ? purpose : purpose + "\n\n" + impact;
    }

    private static JsonValue grouping(List<RecordLink> links) {
        if (links.isEmpty()) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (RecordLink l : links) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("title", l.title());
            put(o, "link", l.link());
            a.add(o);
        }
        return a.build();
    }

    /** yyyy-mm from the record's date, else from the instant (UTC), else null. */
    static String month(String recorded, Instant fallback) {
        if (recorded != null) {
            return recorded.substring(0, 7);
        }
        return fallback == null
                ? null
                : fallback.atOffset(ZoneOffset.UTC).toString().substring(0, 7);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }
}
