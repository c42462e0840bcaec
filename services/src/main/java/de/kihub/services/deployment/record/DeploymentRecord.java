package de.kihub.services.deployment.record;

import de.kihub.registry.error.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A deployment's record: a value per {@link RecordField} (String, Boolean or a list of {@link
 * RecordLink}), and which values were taken over from elsewhere ({@code prefilled}: field key to
 * source, e.g. {@code model-card}) rather than written by the tenant. Immutable.
 */
public final class DeploymentRecord {
    /** The JSON key that lists pre-filled fields; read-only in requests. */
    public static final String PREFILLED = "prefilled";

    public static final int MAX_LINKS = 20;
    static final int MAX_LINK_TITLE = 200;

    /** Needed before any sign-off; HIGH_RISK needs {@link #HIGH_RISK_REQUIRED} as well. */
    public static final List<RecordField> REQUIRED =
            List.of(RecordField.PURPOSE, RecordField.LEGAL_BASIS, RecordField.CONTACT);

    public static final List<RecordField> HIGH_RISK_REQUIRED =
            List.of(RecordField.FRIA_SUMMARY, RecordField.DPIA_SUMMARY);

    public static final DeploymentRecord EMPTY =
            new DeploymentRecord(new EnumMap<>(RecordField.class), Map.of());

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<RecordField, Object> values;
    private final Map<String, String> prefilled;

    private DeploymentRecord(Map<RecordField, Object> values, Map<String, String> prefilled) {
        EnumMap<RecordField, Object> copy = new EnumMap<>(RecordField.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.prefilled = Collections.unmodifiableMap(new LinkedHashMap<>(prefilled));
    }

    /**
     * A record as a client sends it: every field optional, unknown fields, wrong types, too long
     * texts, bad URLs and dates refused naming the field. {@code prefilled} is ignored.
     */
    public static DeploymentRecord parse(JsonObject json) {
        return read(json, true);
    }

    /** A record as the hub stored it (not checked again, so that stricter rules never lock it). */
    public static DeploymentRecord fromStored(JsonObject json) {
        return read(json, false);
    }

    private static DeploymentRecord read(JsonObject json, boolean strict) {
        JsonObject object = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        Set<String> unknown = new TreeSet<>();
        Map<RecordField, Object> values = new EnumMap<>(RecordField.class);
        Map<String, String> prefilled = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            if (PREFILLED.equals(e.getKey())) {
                if (!strict && e.getValue() instanceof JsonObject sources) {
                    sources.forEach(
                            (k, v) -> {
                                if (v instanceof JsonString s) {
                                    prefilled.put(k, s.getString());
                                }
                            });
                }
                continue;
            }
            RecordField field = RecordField.byKey(e.getKey()).orElse(null);
            if (field == null) {
                unknown.add(e.getKey());
                continue;
            }
            Object value = value(field, e.getValue(), strict);
            if (value != null) {
                values.put(field, value);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(
                    "Unknown record field(s) "
                            + unknown
                            + "; known are "
                            + Arrays.stream(RecordField.values())
                                    .map(RecordField::key)
                                    .collect(Collectors.joining(", "))
                            + ".");
        }
        return new DeploymentRecord(values, prefilled);
    }

    private static Object value(RecordField field, JsonValue json, boolean strict) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (field.kind()) {
            case FLAG -> {
                if (json.getValueType() == JsonValue.ValueType.TRUE) {
                    yield Boolean.TRUE;
                }
                if (json.getValueType() == JsonValue.ValueType.FALSE) {
                    yield Boolean.FALSE;
                }
                throw new InvalidRequestException("'" + field.key() + "' must be true or false.");
            }
            case LINKS -> links(field, json, strict);
            case TEXT -> text(field.key(), json, field.maxLength(), strict);
            case URL -> {
                String url = text(field.key(), json, field.maxLength(), strict);
                yield strict ? url(field.key(), url) : url;
            }
            case DATE -> {
                String date = text(field.key(), json, field.maxLength(), strict);
                yield strict ? date(field.key(), date) : date;
            }
        };
    }

    private static String text(String key, JsonValue json, int maxLength, boolean strict) {
        if (!(json instanceof JsonString s)) {
            throw new InvalidRequestException("'" + key + "' must be a string.");
        }
        String text = s.getString().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (strict && text.length() > maxLength) {
            throw new InvalidRequestException(
                    "'" + key + "' is longer than " + maxLength + " characters.");
        }
        return text;
    }

    private static List<RecordLink> links(RecordField field, JsonValue json, boolean strict) {
        if (!(json instanceof JsonArray array)) {
            throw new InvalidRequestException(
                    "'" + field.key() + "' must be a list of {\"title\", \"link\"}.");
        }
        if (strict && array.size() > MAX_LINKS) {
            throw new InvalidRequestException(
                    "'" + field.key() + "' has more than " + MAX_LINKS + " entries.");
        }
        List<RecordLink> links = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = field.key() + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject o)) {
                throw new InvalidRequestException(
                        "'" + where + "' must be an object with 'title' and 'link'.");
            }
            Set<String> extra = new TreeSet<>(o.keySet());
            extra.removeAll(Set.of("title", "link"));
            if (!extra.isEmpty()) {
                throw new InvalidRequestException(
                        "'" + where + "' has unknown field(s) " + extra + "; use title and link.");
            }
            String title =
                    o.containsKey("title") && !o.isNull("title")
                            ? text(where + ".title", o.get("title"), MAX_LINK_TITLE, strict)
                            : null;
            if (title == null) {
                throw new InvalidRequestException("'" + where + ".title' is required.");
            }
            String link =
                    o.containsKey("link") && !o.isNull("link")
                            ? text(where + ".link", o.get("link"), 500, strict)
                            : null;
            links.add(new RecordLink(title, strict ? url(where + ".link", link) : link));
        }
        return links.isEmpty() ? null : List.copyOf(links);
    }

    /** An absolute http(s) URL (so that no javascript: link reaches a page), or null. */
    static String url(String key, String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme != null
                    && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidRequestException(
                "'" + key + "' must be an absolute http(s) URL; got '" + url + "'.");
    }

    private static String date(String key, String date) {
        if (date == null) {
            return null;
        }
        try {
            if (MONTH.matcher(date).matches()) {
                YearMonth.parse(date);
                return date;
            }
            if (DAY.matcher(date).matches()) {
                LocalDate.parse(date);
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidRequestException(
                "'" + key + "' must be a date as yyyy-mm or yyyy-mm-dd; got '" + date + "'.");
    }

    /**
     * This record with every empty field of {@code defaults} filled in and marked as taken from
     * {@code source}; fields the tenant wrote stay as they are.
     */
    public DeploymentRecord withDefaults(Map<RecordField, ?> defaults, String source) {
        Map<RecordField, Object> merged = new EnumMap<>(RecordField.class);
        merged.putAll(values);
        Map<String, String> sources = new LinkedHashMap<>(prefilled);
        defaults.forEach(
                (field, value) -> {
                    if (value != null && !merged.containsKey(field)) {
                        merged.put(field, value);
                        sources.put(field.key(), source);
                    }
                });
        return new DeploymentRecord(merged, sources);
    }

    /** This record with one value replaced (null removes it); the field is no longer pre-filled. */
    public DeploymentRecord with(RecordField field, Object value) {
        Map<RecordField, Object> changed = new EnumMap<>(RecordField.class);
        changed.putAll(values);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        Map<String, String> sources = new LinkedHashMap<>(prefilled);
        sources.remove(field.key());
        return new DeploymentRecord(changed, sources);
    }

    public String text(RecordField field) {
        return values.get(field) instanceof String s ? s : null;
    }

    public Boolean flag(RecordField field) {
        return values.get(field) instanceof Boolean b ? b : null;
    }

    @SuppressWarnings("unchecked")
    public List<RecordLink> links(RecordField field) {
        return values.get(field) instanceof List<?> l ? (List<RecordLink>) l : List.of();
    }

    /** The value (String, Boolean or List of RecordLink), or null. */
    public Object value(RecordField field) {
        return values.get(field);
    }

    public boolean has(RecordField field) {
        return values.containsKey(field);
    }

    /** Field key to where the value came from, for values the tenant did not write. */
    public Map<String, String> prefilled() {
        return prefilled;
    }

    /** The fields still missing before a data-protection officer can sign off. */
    public List<String> missing(AiActRiskClass riskClass) {
        List<String> missing = new ArrayList<>();
        for (RecordField f : REQUIRED) {
            if (!has(f)) {
                missing.add(f.key());
            }
        }
        if (riskClass == AiActRiskClass.HIGH_RISK) {
            for (RecordField f : HIGH_RISK_REQUIRED) {
                if (!has(f)) {
                    missing.add(f.key());
                }
            }
        }
        return missing;
    }

    /** The record as JSON: only fields with a value, plus {@code prefilled} when not empty. */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        values.forEach((field, value) -> b.add(field.key(), json(value)));
        if (!prefilled.isEmpty()) {
            JsonObjectBuilder sources = Json.createObjectBuilder();
            prefilled.forEach(sources::add);
            b.add(PREFILLED, sources);
        }
        return b.build();
    }

    /** One value as JSON (null for no value). */
    public static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (Object o : list) {
                RecordLink l = (RecordLink) o;
                JsonObjectBuilder link = Json.createObjectBuilder().add("title", l.title());
                if (l.link() != null) {
                    link.add("link", l.link());
                }
                a.add(link);
            }
            return a.build();
        }
        return Json.createValue(value.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeploymentRecord r
                && values.equals(r.values)
                && prefilled.equals(r.prefilled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, prefilled);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
