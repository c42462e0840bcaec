package de.kihub.services.counting.live;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.counting.CountingLine;
import de.kihub.services.counting.CountingSettings;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.Zone;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A people-counting deployment's configuration, checked completely when it is set so that a camera
 * never meets a bad one. Every field is optional; {@link #normalized()} is what gets stored.
 *
 * @param scoreThreshold minimum person score, default 0.45
 * @param minBoxSize smaller boxes (pixels) are ignored
 * @param regionOfInterest only people standing inside this polygon are counted
 * @param lines counting lines; "in" is left to right seen from {@code from}
 * @param zones zones whose occupancy is reported
 * @param aggregationSeconds length of one stored aggregate, 60 to 3600 seconds, default 60
 * @param retentionDays stored aggregates older than this are deleted, 1 to 3650, default 365
 */
public record CountingConfiguration(
        Float scoreThreshold,
        Double minBoxSize,
        List<double[]> regionOfInterest,
        List<CountingApi.LineSpec> lines,
        List<CountingApi.ZoneSpec> zones,
        Integer aggregationSeconds,
        Integer retentionDays) {

    public static final int DEFAULT_AGGREGATION_SECONDS = 60;
    public static final int DEFAULT_RETENTION_DAYS = 365;
    static final Set<String> KEYS =
            Set.of(
                    "scoreThreshold",
                    "minBoxSize",
                    "regionOfInterest",
                    "lines",
                    "zones",
                    "aggregationSeconds",
                    "retentionDays");

    /** Parses and checks a configuration; names the first problem. */
    public static CountingConfiguration parse(JsonObject json) {
        JsonObject object = json == null ? JsonObject.EMPTY_JSON_OBJECT : json;
        Set<String> unknown = new TreeSet<>(object.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(
                    "Unknown configuration field(s) "
                            + unknown
                            + " for people counting; known are "
                            + new TreeSet<>(KEYS)
                            + ".");
        }
        CountingConfiguration c;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            c = jsonb.fromJson(object.toString(), CountingConfiguration.class);
        } catch (JsonbException e) {
            throw new InvalidRequestException(
                    "The configuration does not have the expected types: "
                            + "numbers for scoreThreshold, minBoxSize, aggregationSeconds and"
                            + " retentionDays; [x, y] points; lines with name/from/to; zones with"
                            + " name/polygon.");
        } catch (InvalidRequestException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        c.check();
        return c;
    }

    private void check() {
        detection();
        counting();
        List<CountingLine> l = CountingSpecs.lines(lines);
        List<Zone> z = CountingSpecs.zones(zones);
        unique(l.stream().map(CountingLine::name).toList(), "line");
        unique(z.stream().map(Zone::name).toList(), "zone");
        int days = retention();
        if (days < 1 || days > 3650) {
            throw new InvalidRequestException(
                    "'retentionDays' must lie between 1 and 3650, got " + days + ".");
        }
    }

    private static void unique(List<String> names, String what) {
        if (names.size() != Set.copyOf(names).size()) {
            throw new InvalidRequestException("Each " + what + " needs its own name.");
        }
    }

    public DetectionSettings detection() {
        return CountingSpecs.detection(scoreThreshold, minBoxSize, regionOfInterest);
    }

    public CountingSettings counting() {
        int seconds = aggregationSeconds == null ? DEFAULT_AGGREGATION_SECONDS : aggregationSeconds;
        if (seconds < 60 || seconds > 3600 || seconds % 60 != 0) {
            throw new InvalidRequestException(
                    "'aggregationSeconds' must be whole minutes from 60 to 3600, got "
                            + seconds
                            + ".");
        }
        CountingSettings d = CountingSettings.defaults();
        return new CountingSettings(d.tracker(), d.lineDeadBand(), Duration.ofSeconds(seconds));
    }

    public int retention() {
        return retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
    }

    /**
     * Checks counting lines as a configuration's lines are checked (at most 20, each named once,
     * two different finite points), for other places that define lines (a dataset's lines.json).
     */
    public static List<CountingLine> checkLines(List<CountingApi.LineSpec> specs) {
        List<CountingLine> lines = CountingSpecs.lines(specs);
        unique(lines.stream().map(CountingLine::name).toList(), "line");
        return lines;
    }

    public List<CountingLine> countingLines() {
        return CountingSpecs.lines(lines);
    }

    public List<Zone> countingZones() {
        return CountingSpecs.zones(zones);
    }

    /** The configuration as stored: JSON with the defaults filled in. */
    public String normalized() {
        CountingConfiguration filled =
                new CountingConfiguration(
                        scoreThreshold == null
                                ? DetectionSettings.DEFAULT_SCORE_THRESHOLD
                                : scoreThreshold,
                        minBoxSize == null ? 0.0 : minBoxSize,
                        regionOfInterest,
                        lines == null ? List.of() : lines,
                        zones == null ? List.of() : zones,
                        (int) counting().interval().toSeconds(),
                        retention());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(filled);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the configuration", e);
        }
    }
}
