package de.kihub.portal.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The people-counting configuration as a plain HTML form: numbers in text fields, points as {@code
 * x,y} pairs separated by spaces, one counting line per row ({@code Eingang: 100,400 600,400}) and
 * one zone per row ({@code Bank: 10,10 200,10 200,150}). The drawing script writes into the same
 * fields, so the form works without it. {@link #toJson} turns the fields into the API's
 * configuration (checked completely by the service afterwards); {@link #of(JsonObject)} the stored
 * configuration back into fields.
 */
public final class ConfigurationForm {
    public static final String SCORE = "scoreThreshold";
    public static final String MIN_BOX = "minBoxSize";
    public static final String ROI = "regionOfInterest";
    public static final String LINES = "lines";
    public static final String ZONES = "zones";
    public static final String AGGREGATION = "aggregationSeconds";
    public static final String RETENTION = "retentionDays";

    /** The form's fields in page order. */
    public static final List<String> FIELDS =
            List.of(SCORE, MIN_BOX, ROI, LINES, ZONES, AGGREGATION, RETENTION);

    static final Set<String> FIELD_SET = Set.copyOf(FIELDS);

    private ConfigurationForm() {}

    /** The form values (field -> text) of a stored configuration. */
    public static Map<String, String> of(JsonObject configuration) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonObject c = configuration == null ? JsonValue.EMPTY_JSON_OBJECT : configuration;
        values.put(SCORE, number(c.get(SCORE)));
        values.put(MIN_BOX, number(c.get(MIN_BOX)));
        values.put(ROI, c.get(ROI) instanceof JsonArray points ? points(points) : "");
        values.put(
                LINES,
                rows(
                        c.get(LINES),
                        l ->
                                points(
                                        Json.createArrayBuilder()
                                                .add(l.get("from"))
                                                .add(l.get("to"))
                                                .build())));
        values.put(ZONES, rows(c.get(ZONES), z -> points(z.getJsonArray("polygon"))));
        values.put(AGGREGATION, number(c.get(AGGREGATION)));
        values.put(RETENTION, number(c.get(RETENTION)));
        return values;
    }

    /** The form values as submitted (every field, empty when missing). */
    public static Map<String, String> of(Function<String, String> parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = parameter.apply(f);
            values.put(f, v == null ? "" : v.strip());
        }
        return values;
    }

    /**
     * The configuration the fields describe; what cannot be read is added to {@code errors} under
     * its field (and the result is then not meant to be sent).
     */
    public static JsonObject toJson(Map<String, String> values, FormErrors errors) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        decimal(values.get(SCORE), SCORE, json, errors);
        decimal(values.get(MIN_BOX), MIN_BOX, json, errors);
        String roi = values.getOrDefault(ROI, "");
        if (!roi.isBlank()) {
            List<double[]> points = points(roi, ROI, errors);
            if (points != null) {
                json.add(ROI, array(points));
            }
        }
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (String row : rows(values.get(LINES))) {
            Named named = named(row, LINES, errors);
            if (named == null) {
                continue;
            }
            List<double[]> points = points(named.points(), LINES, errors);
            if (points == null) {
                continue;
            }
            if (points.size() != 2) {
                errors.key(LINES, "configuration.error.linePoints", named.name());
                continue;
            }
            lines.add(
                    Json.createObjectBuilder()
                            .add("name", named.name())
                            .add("from", point(points.get(0)))
                            .add("to", point(points.get(1))));
        }
        JsonArray lineArray = lines.build();
        if (!lineArray.isEmpty()) {
            json.add(LINES, lineArray);
        }
        JsonArrayBuilder zones = Json.createArrayBuilder();
        for (String row : rows(values.get(ZONES))) {
            Named named = named(row, ZONES, errors);
            if (named == null) {
                continue;
            }
            List<double[]> points = points(named.points(), ZONES, errors);
            if (points == null) {
                continue;
            }
            if (points.size() < 3) {
                errors.key(ZONES, "configuration.error.zonePoints", named.name());
                continue;
            }
            zones.add(
                    Json.createObjectBuilder()
                            .add("name", named.name())
                            .add("polygon", array(points)));
        }
        JsonArray zoneArray = zones.build();
        if (!zoneArray.isEmpty()) {
            json.add(ZONES, zoneArray);
        }
        whole(values.get(AGGREGATION), AGGREGATION, json, errors);
        whole(values.get(RETENTION), RETENTION, json, errors);
        return json.build();
    }

    private record Named(String name, String points) {}

    private static Named named(String row, String field, FormErrors errors) {
        int colon = row.lastIndexOf(':');
        String name = colon < 0 ? "" : row.substring(0, colon).strip();
        if (name.isEmpty()) {
            errors.key(field, "configuration.error.name", row);
            return null;
        }
        return new Named(name, row.substring(colon + 1));
    }

    private static List<String> rows(String text) {
        List<String> rows = new ArrayList<>();
        if (text != null) {
            for (String row : text.split("\\R")) {
                if (!row.isBlank()) {
                    rows.add(row.strip());
                }
            }
        }
        return rows;
    }

    /** Points written as "x,y x,y"; null (and an error) when one cannot be read. */
    static List<double[]> points(String text, String field, FormErrors errors) {
        List<double[]> points = new ArrayList<>();
        for (String pair : text.strip().split("[\\s;]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] xy = pair.split(",", -1);
            try {
                if (xy.length != 2) {
                    throw new NumberFormatException(pair);
                }
                double x = Double.parseDouble(xy[0].strip());
                double y = Double.parseDouble(xy[1].strip());
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new NumberFormatException(pair);
                }
                points.add(new double[] {x, y});
            } catch (NumberFormatException e) {
                errors.key(field, "configuration.error.point", pair);
                return null;
            }
        }
        return points;
    }

    private static void decimal(String text, String field, JsonObjectBuilder json, FormErrors e) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            json.add(field, new BigDecimal(text.strip().replace(',', '.')));
        } catch (NumberFormatException ex) {
            e.key(field, "configuration.error.number", text);
        }
    }

    private static void whole(String text, String field, JsonObjectBuilder json, FormErrors e) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            json.add(field, Integer.parseInt(text.strip()));
        } catch (NumberFormatException ex) {
            e.key(field, "configuration.error.whole", text);
        }
    }

    private static JsonArray point(double[] p) {
        return Json.createArrayBuilder().add(p[0]).add(p[1]).build();
    }

    private static JsonArrayBuilder array(List<double[]> points) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        points.forEach(p -> a.add(point(p)));
        return a;
    }

    private static String number(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return format(n.doubleValue());
        }
        return "";
    }

    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        // stored thresholds are floats: 0.45f reads back as 0.449999988..., shown as 0.45
        return BigDecimal.valueOf(d)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String points(JsonArray points) {
        List<String> pairs = new ArrayList<>();
        for (JsonValue p : points) {
            JsonArray xy = p.asJsonArray();
            pairs.add(
                    format(xy.getJsonNumber(0).doubleValue())
                            + ","
                            + format(xy.getJsonNumber(1).doubleValue()));
        }
        return String.join(" ", pairs);
    }

    private static String rows(JsonValue value, Function<JsonObject, String> points) {
        if (!(value instanceof JsonArray array)) {
            return "";
        }
        List<String> rows = new ArrayList<>();
        for (JsonValue v : array) {
            JsonObject o = v.asJsonObject();
            rows.add(o.getString("name") + ": " + points.apply(o));
        }
        return String.join("\n", rows);
    }
}
