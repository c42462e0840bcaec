package de.kihub.services.evaluation;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.counting.CountingLine;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.Point;
import de.kihub.services.counting.live.CountingConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an evaluation of a people counter may set: the detector's {@code scoreThreshold}, {@code
 * minBoxSize} and {@code regionOfInterest}, and counting {@code lines} that replace the dataset's
 * own. The fields mean what they mean in a deployment ({@link CountingConfiguration} checks them);
 * zones and the storage settings of a deployment have no meaning here and are refused.
 *
 * @param detection the detector's settings
 * @param lines the configuration's lines, or null to use the dataset's lines.json
 * @param normalized the configuration as stored and shown: JSON with the defaults filled in
 */
public record CountingEvaluationConfiguration(
        DetectionSettings detection, List<CountingLine> lines, String normalized) {

    static final Set<String> KEYS =
            Set.of("scoreThreshold", "minBoxSize", "regionOfInterest", "lines");

    /** Parses and checks a configuration (null or empty: the defaults); names the first problem. */
    public static CountingEvaluationConfiguration parse(JsonObject json) {
        JsonObject object = json == null ? JsonObject.EMPTY_JSON_OBJECT : json;
        Set<String> unknown = new TreeSet<>(object.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(
                    "Unknown configuration field(s) "
                            + unknown
                            + " for evaluating a people counter; known are "
                            + new TreeSet<>(KEYS)
                            + ".");
        }
        CountingConfiguration c = CountingConfiguration.parse(object);
        DetectionSettings detection = c.detection();
        List<CountingLine> lines =
                object.containsKey("lines") && !object.isNull("lines") ? c.countingLines() : null;
        return new CountingEvaluationConfiguration(detection, lines, normalize(detection, lines));
    }

    private static String normalize(DetectionSettings d, List<CountingLine> lines) {
        JsonObjectBuilder b =
                Json.createObjectBuilder()
                        .add("scoreThreshold", new BigDecimal(Float.toString(d.scoreThreshold())))
                        .add("minBoxSize", d.minBoxSize());
        if (d.roi() != null) {
            JsonArrayBuilder roi = Json.createArrayBuilder();
            d.roi().forEach(p -> roi.add(point(p)));
            b.add("regionOfInterest", roi);
        }
        if (lines != null) {
            JsonArrayBuilder l = Json.createArrayBuilder();
            for (CountingLine line : lines) {
                l.add(
                        Json.createObjectBuilder()
                                .add("name", line.name())
                                .add("from", point(line.from()))
                                .add("to", point(line.to())));
            }
            b.add("lines", l);
        }
        return b.build().toString();
    }

    private static JsonArrayBuilder point(Point p) {
        return Json.createArrayBuilder().add(p.x()).add(p.y());
    }
}
