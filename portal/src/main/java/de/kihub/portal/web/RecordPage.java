package de.kihub.portal.web;

import de.kihub.services.deployment.record.AiActQuestion;
import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.RecordDocument;
import de.kihub.services.deployment.record.RecordField;
import de.kihub.services.deployment.record.RecordLink;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page model of a deployment record, shared by the printable export ({@code record.html}) and
 * the public transparency page: the record's fields grouped by section, with labels in the page's
 * language. Values are passed as text; the templates escape them.
 */
public final class RecordPage {
    /** One field: a text (url: shown as a link) or a list of links. */
    public record Row(String key, String label, String text, List<RecordLink> links, boolean url) {
        public boolean empty() {
            return text == null && links.isEmpty();
        }
    }

    /** A section of the record; its title comes from the template's messages. */
    public record Section(String key, List<Row> rows) {}

    /** One answer of the questionnaire. */
    public record Answer(String article, String question, boolean yes) {}

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneOffset.UTC);

    /** The head of the citizens' page shows these; they are not repeated in its list. */
    static final List<RecordField> HEAD =
            List.of(
                    RecordField.NAME,
                    RecordField.ORGANISATION,
                    RecordField.SHORT_DESCRIPTION,
                    RecordField.CONTACT);

    /** The citizens' page asks what matters to them first. */
    static final List<RecordField> CITIZEN_ORDER =
            List.of(
                    RecordField.PURPOSE,
                    RecordField.IMPACT,
                    RecordField.HUMAN_INTERVENTION,
                    RecordField.DATA_SOURCES,
                    RecordField.DATA_SOURCE_LINKS,
                    RecordField.DATA_ACCESS_AND_STORAGE,
                    RecordField.LEGAL_BASIS,
                    RecordField.LEGAL_BASIS_LINK,
                    RecordField.APPEALS_AND_REVIEW,
                    RecordField.TECHNICAL_OPERATION,
                    RecordField.PERFORMANCE,
                    RecordField.RISK_MANAGEMENT,
                    RecordField.CONSIDERATIONS,
                    RecordField.IMPACT_ASSESSMENTS,
                    RecordField.BENEFITS,
                    RecordField.ALTERNATIVES_CONSIDERED,
                    RecordField.FREQUENCY_AND_SCALE,
                    RecordField.THEME,
                    RecordField.START_DATE,
                    RecordField.END_DATE,
                    RecordField.RESPONSIBLE_TEAM,
                    RecordField.SUPPLIER,
                    RecordField.SOURCE_CODE_LINK,
                    RecordField.PROCESSING_REGISTER,
                    RecordField.WEBSITE);

    private RecordPage() {}

    /** The published fields with a value, for citizens: in their order, without the head. */
    public static List<Row> citizenRows(RecordDocument doc, Locale locale) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Section s : sections(doc, locale, true)) {
            for (Row row : s.rows()) {
                byKey.put(row.key(), row);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (RecordField f : CITIZEN_ORDER) {
            Row row = byKey.remove(f.key());
            if (row != null) {
                rows.add(row);
            }
        }
        for (RecordField f : HEAD) {
            byKey.remove(f.key());
        }
        rows.addAll(byKey.values()); // a published field not placed above still shows
        return rows;
    }

    /** The model of {@code record.html} (every field) or of a transparency page (public ones). */
    public static Map<String, Object> model(RecordDocument doc, Locale locale, boolean publicOnly) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("otherLang", "en".equals(locale.getLanguage()) ? "de" : "en");
        model.put("doc", doc);
        model.put("sections", sections(doc, locale, publicOnly));
        AiActQuestionnaire q = doc.questionnaire();
        model.put("assessment", q == null ? null : q.assessment());
        model.put("answers", answers(q, locale));
        Instant signed = doc.subject().signedOffAt();
        model.put("signedOffAt", signed == null ? null : MINUTE.format(signed));
        model.put("signedOffDay", day(signed));
        model.put("activeSince", day(doc.subject().activatedAt()));
        return model;
    }

    /** A date as 24.12.2026 (UTC), or null. */
    public static String day(Instant instant) {
        return instant == null ? null : DAY.format(instant);
    }

    /**
     * The sections with their rows. {@code publicOnly}: only fields published to citizens and only
     * those with a value; otherwise every field, empty ones too.
     */
    public static List<Section> sections(RecordDocument doc, Locale locale, boolean publicOnly) {
        String lang = locale.getLanguage();
        DeploymentRecord r = doc.record();
        Map<RecordField.Section, List<Row>> bySection = new LinkedHashMap<>();
        for (RecordField.Section s : RecordField.Section.values()) {
            bySection.put(s, new ArrayList<>());
        }
        for (RecordField f : RecordField.values()) {
            if (publicOnly && (!f.published() || !r.has(f))) {
                continue;
            }
            String text =
                    switch (f.kind()) {
                        case LINKS -> null;
                        case FLAG -> flag(r.flag(f), lang);
                        default -> r.text(f);
                    };
            bySection
                    .get(f.section())
                    .add(
                            new Row(
                                    f.key(),
                                    f.label(lang),
                                    text,
                                    r.links(f),
                                    f.kind() == RecordField.Kind.URL));
        }
        List<Section> sections = new ArrayList<>();
        bySection.forEach(
                (s, rows) -> {
                    if (!rows.isEmpty()) {
                        sections.add(
                                new Section(
                                        s.name().toLowerCase(Locale.ROOT).replace('_', '-'), rows));
                    }
                });
        return sections;
    }

    /** The questionnaire's answers in the page's language, or empty when unanswered. */
    public static List<Answer> answers(AiActQuestionnaire q, Locale locale) {
        if (q == null) {
            return List.of();
        }
        List<Answer> answers = new ArrayList<>();
        for (AiActQuestion question : AiActQuestion.values()) {
            answers.add(
                    new Answer(
                            question.article(),
                            question.question(locale.getLanguage()),
                            q.answer(question)));
        }
        return answers;
    }

    private static String flag(Boolean value, String lang) {
        if (value == null) {
            return null;
        }
        if ("en".equals(lang)) {
            return value ? "yes" : "no";
        }
        return value ? "ja" : "nein";
    }
}
