package de.kihub.services.deployment.record;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of a deployment record: those of the Algoritmeregister publication standard 1.0, the
 * UK ATRS fields that standard lacks, and what Annex VIII Section C of the EU AI Act asks of a
 * deployer. {@code key} is the JSON name; {@code published} fields appear on the citizens' page.
 */
public enum RecordField {
    // Algemene informatie
    NAME("name", Kind.TEXT, 100, Section.GENERAL, "Name", "Name", true),
    SHORT_DESCRIPTION(
            "shortDescription",
            Kind.TEXT,
            350,
            Section.GENERAL,
            "Kurzbeschreibung",
            "Short description",
            true),
    ORGANISATION(
            "organisation", Kind.TEXT, 100, Section.GENERAL, "Organisation", "Organisation", true),
    THEME("theme", Kind.TEXT, 100, Section.GENERAL, "Thema", "Theme", true),
    START_DATE("startDate", Kind.DATE, 10, Section.GENERAL, "Beginn", "Start date", true),
    END_DATE("endDate", Kind.DATE, 10, Section.GENERAL, "Ende", "End date", true),
    CONTACT("contact", Kind.TEXT, 500, Section.GENERAL, "Kontakt", "Contact", true),
    WEBSITE("website", Kind.URL, 500, Section.GENERAL, "Webseite", "Website", true),
    IMPACTFUL(
            "impactful",
            Kind.FLAG,
            0,
            Section.GENERAL,
            "Impactvoller Algorithmus (Rechtswirkung oder erhebliche Auswirkung auf Menschen)",
            "Impactful algorithm (legal effect or significant impact on people)",
            false),
    // Verantwoord gebruik
    PURPOSE("purpose", Kind.TEXT, 4000, Section.RESPONSIBLE_USE, "Zweck", "Purpose", true),
    IMPACT("impact", Kind.TEXT, 2500, Section.RESPONSIBLE_USE, "Auswirkungen", "Impact", true),
    CONSIDERATIONS(
            "considerations",
            Kind.TEXT,
            2500,
            Section.RESPONSIBLE_USE,
            "Abwägungen",
            "Considerations",
            true),
    HUMAN_INTERVENTION(
            "humanIntervention",
            Kind.TEXT,
            2500,
            Section.RESPONSIBLE_USE,
            "Menschliche Kontrolle",
            "Human intervention",
            true),
    RISK_MANAGEMENT(
            "riskManagement",
            Kind.TEXT,
            2500,
            Section.RESPONSIBLE_USE,
            "Risikomanagement",
            "Risk management",
            true),
    LEGAL_BASIS(
            "legalBasis",
            Kind.TEXT,
            2000,
            Section.RESPONSIBLE_USE,
            "Rechtsgrundlage",
            "Legal basis",
            true),
    LEGAL_BASIS_LINK(
            "legalBasisLink",
            Kind.URL,
            500,
            Section.RESPONSIBLE_USE,
            "Link zur Rechtsgrundlage",
            "Link to the legal basis",
            true),
    PROCESSING_REGISTER(
            "processingRegister",
            Kind.URL,
            500,
            Section.RESPONSIBLE_USE,
            "Verzeichnis der Verarbeitungstätigkeiten",
            "Record of processing activities",
            true),
    IMPACT_ASSESSMENTS(
            "impactAssessments",
            Kind.LINKS,
            0,
            Section.RESPONSIBLE_USE,
            "Folgenabschätzungen",
            "Impact assessments",
            true),
    FRIA_SUMMARY(
            "friaSummary",
            Kind.TEXT,
            4000,
            Section.RESPONSIBLE_USE,
            "Zusammenfassung der Grundrechte-Folgenabschätzung (Art. 27 KI-VO)",
            "Summary of the fundamental-rights impact assessment (AI Act Art. 27)",
            false),
    DPIA_SUMMARY(
            "dpiaSummary",
            Kind.TEXT,
            4000,
            Section.RESPONSIBLE_USE,
            "Zusammenfassung der Datenschutz-Folgenabschätzung (Art. 35 DSGVO)",
            "Summary of the data-protection impact assessment (GDPR Art. 35)",
            false),
    APPEALS_AND_REVIEW(
            "appealsAndReview",
            Kind.TEXT,
            2500,
            Section.RESPONSIBLE_USE,
            "Widerspruch und Beschwerde",
            "Appeals and review",
            true),
    // Werking
    DATA_SOURCES("dataSources", Kind.TEXT, 2500, Section.OPERATION, "Daten", "Data sources", true),
    DATA_SOURCE_LINKS(
            "dataSourceLinks",
            Kind.LINKS,
            0,
            Section.OPERATION,
            "Datenquellen (Links)",
            "Data source links",
            true),
    TECHNICAL_OPERATION(
            "technicalOperation",
            Kind.TEXT,
            5000,
            Section.OPERATION,
            "Technische Funktionsweise",
            "Technical operation",
            true),
    PERFORMANCE("performance", Kind.TEXT, 2500, Section.OPERATION, "Leistung", "Performance", true),
    SUPPLIER("supplier", Kind.TEXT, 200, Section.OPERATION, "Anbieter", "Supplier", true),
    SOURCE_CODE_LINK(
            "sourceCodeLink",
            Kind.URL,
            500,
            Section.OPERATION,
            "Link zum Quellcode",
            "Source code link",
            true),
    // UK ATRS, where it asks more than the Algoritmeregister
    RESPONSIBLE_TEAM(
            "responsibleTeam",
            Kind.TEXT,
            200,
            Section.ATRS,
            "Verantwortliches Team",
            "Responsible team",
            true),
    SENIOR_RESPONSIBLE_OWNER(
            "seniorResponsibleOwner",
            Kind.TEXT,
            200,
            Section.ATRS,
            "Verantwortliche Leitung",
            "Senior responsible owner",
            false),
    BENEFITS("benefits", Kind.TEXT, 2500, Section.ATRS, "Nutzen", "Benefits", true),
    ALTERNATIVES_CONSIDERED(
            "alternativesConsidered",
            Kind.TEXT,
            2500,
            Section.ATRS,
            "Geprüfte Alternativen",
            "Alternatives considered",
            true),
    FREQUENCY_AND_SCALE(
            "frequencyAndScale",
            Kind.TEXT,
            1000,
            Section.ATRS,
            "Häufigkeit und Umfang der Nutzung",
            "Frequency and scale of usage",
            true),
    DATA_ACCESS_AND_STORAGE(
            "dataAccessAndStorage",
            Kind.TEXT,
            2500,
            Section.ATRS,
            "Datenzugriff und Speicherung",
            "Data access and storage",
            true),
    // EU AI Act Annex VIII Section C (deployers registering high-risk use)
    DEPLOYER_ADDRESS(
            "deployerAddress",
            Kind.TEXT,
            500,
            Section.ANNEX_VIII,
            "Anschrift der Betreiberin",
            "Deployer's address",
            false),
    SUBMITTER(
            "submitter",
            Kind.TEXT,
            500,
            Section.ANNEX_VIII,
            "Meldende Person (Name, Anschrift, Kontakt)",
            "Person submitting (name, address, contact)",
            false),
    EU_DATABASE_ENTRY(
            "euDatabaseEntry",
            Kind.URL,
            500,
            Section.ANNEX_VIII,
            "Eintrag des Anbieters in der EU-Datenbank",
            "Provider's entry in the EU database",
            false);

    /** How a field's value is written and checked. */
    public enum Kind {
        /** free text, at most maxLength characters */
        TEXT,
        /** an absolute http(s) URL */
        URL,
        /** yyyy-mm or yyyy-mm-dd */
        DATE,
        /** true or false */
        FLAG,
        /** a list of {title, link} */
        LINKS
    }

    /** Where a field belongs in a printed record. */
    public enum Section {
        GENERAL,
        RESPONSIBLE_USE,
        OPERATION,
        ATRS,
        ANNEX_VIII
    }

    private static final Map<String, RecordField> BY_KEY =
            Arrays.stream(values())
                    .collect(Collectors.toUnmodifiableMap(f -> f.key, Function.identity()));

    private final String key;
    private final Kind kind;
    private final int maxLength;
    private final Section section;
    private final String labelDe;
    private final String labelEn;
    private final boolean published;

    RecordField(
            String key,
            Kind kind,
            int maxLength,
            Section section,
            String labelDe,
            String labelEn,
            boolean published) {
        this.key = key;
        this.kind = kind;
        this.maxLength = maxLength;
        this.section = section;
        this.labelDe = labelDe;
        this.labelEn = labelEn;
        this.published = published;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public int maxLength() {
        return maxLength;
    }

    public Section section() {
        return section;
    }

    public String label(String language) {
        return "en".equals(language) ? labelEn : labelDe;
    }

    /** Whether citizens see the field on the transparency page. */
    public boolean published() {
        return published;
    }

    public static Optional<RecordField> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
