package de.kihub.portal.web;

import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.RecordField;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deployment record as an HTML form, one input per {@link RecordField}: short texts as text
 * fields, long ones as text areas, URLs as {@code type=url}, yes/no as a choice, and lists of links
 * as a text area with one {@code Titel | https://...} per row. Fields the hub pre-filled from the
 * model card are marked; sent back unchanged they stay pre-filled (the service fills them in
 * again), changed they become the municipality's own.
 */
public final class RecordForm {
    /** One field of the form. */
    public record Field(
            String key,
            String label,
            String kind,
            int maxLength,
            String section,
            boolean required,
            String value,
            String prefilledFrom) {
        public boolean textarea() {
            return "LINKS".equals(kind) || ("TEXT".equals(kind) && maxLength > 500);
        }
    }

    /** A section of the form with its fields. */
    public record Section(String key, List<Field> fields) {}

    static final Set<String> KEYS =
            Arrays.stream(RecordField.values()).map(RecordField::key).collect(Collectors.toSet());

    private RecordForm() {}

    /** The fields of a record (JSON as the service shows it) or of submitted values. */
    public static List<Section> sections(
            JsonObject record, Map<String, String> submitted, Locale locale) {
        Map<String, String> values = submitted != null ? submitted : values(record);
        JsonObject prefilled =
                record != null && record.get(DeploymentRecord.PREFILLED) instanceof JsonObject p
                        ? p
                        : JsonValue.EMPTY_JSON_OBJECT;
        List<Section> sections = new ArrayList<>();
        for (RecordField.Section s : RecordField.Section.values()) {
            List<Field> fields = new ArrayList<>();
            for (RecordField f : RecordField.values()) {
                if (f.section() != s) {
                    continue;
                }
                fields.add(
                        new Field(
                                f.key(),
                                f.label(locale.getLanguage()),
                                f.kind().name(),
                                f.maxLength(),
                                s.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                                DeploymentRecord.REQUIRED.contains(f),
                                values.getOrDefault(f.key(), ""),
                                prefilled.containsKey(f.key())
                                        ? prefilled.getString(f.key(), null)
                                        : null));
            }
            if (!fields.isEmpty()) {
                sections.add(
                        new Section(s.name().toLowerCase(Locale.ROOT).replace('_', '-'), fields));
            }
        }
        return sections;
    }

    /** The form values of a record. */
    public static Map<String, String> values(JsonObject record) {
        Map<String, String> values = new java.util.HashMap<>();
        if (record == null) {
            return values;
        }
        for (RecordField f : RecordField.values()) {
            JsonValue v = record.get(f.key());
            if (v == null || v == JsonValue.NULL) {
                continue;
            }
            values.put(
                    f.key(),
                    switch (f.kind()) {
                        case FLAG -> Boolean.toString(v == JsonValue.TRUE);
                        case LINKS -> links(v.asJsonArray());
                        default -> v instanceof JsonString s ? s.getString() : v.toString();
                    });
        }
        return values;
    }

    /** The submitted values of every field (empty when missing). */
    public static Map<String, String> submitted(Function<String, String> parameter) {
        Map<String, String> values = new java.util.HashMap<>();
        for (RecordField f : RecordField.values()) {
            String v = parameter.apply(f.key());
            values.put(f.key(), v == null ? "" : v.strip());
        }
        return values;
    }

    /**
     * The record to store: every non-empty field, except pre-filled ones sent back unchanged (they
     * stay the model card's). Unreadable link rows are added to {@code errors}.
     */
    public static JsonObject toJson(
            Map<String, String> values, JsonObject current, FormErrors errors) {
        Map<String, String> before = values(current);
        JsonObject prefilled =
                current != null && current.get(DeploymentRecord.PREFILLED) instanceof JsonObject p
                        ? p
                        : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (RecordField f : RecordField.values()) {
            String v = values.getOrDefault(f.key(), "");
            if (v.isEmpty()) {
                continue;
            }
            if (prefilled.containsKey(f.key()) && v.equals(before.get(f.key()))) {
                continue;
            }
            switch (f.kind()) {
                case FLAG -> json.add(f.key(), Boolean.parseBoolean(v));
                case LINKS -> {
                    JsonArray links = links(v, f.key(), errors);
                    if (links != null) {
                        json.add(f.key(), links);
                    }
                }
                default -> json.add(f.key(), v);
            }
        }
        return json.build();
    }

    private static String links(JsonArray links) {
        List<String> rows = new ArrayList<>();
        for (JsonValue v : links) {
            JsonObject o = v.asJsonObject();
            String link = o.getString("link", null);
            rows.add(o.getString("title", "") + (link == null ? "" : " | " + link));
        }
        return String.join("\n", rows);
    }

    private static JsonArray links(String text, String field, FormErrors errors) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (String row : text.split("\\R")) {
            if (row.isBlank()) {
                continue;
            }
            int bar = row.lastIndexOf('|');
            String title = (bar < 0 ? row : row.substring(0, bar)).strip();
            String link = bar < 0 ? "" : row.substring(bar + 1).strip();
            if (title.isEmpty()) {
                errors.key(field, "record.form.error.linkTitle", row.strip());
                return null;
            }
            JsonObjectBuilder o = Json.createObjectBuilder().add("title", title);
            if (!link.isEmpty()) {
                o.add("link", link);
            }
            a.add(o);
        }
        return a.build();
    }
}
