package de.kihub.portal.web;

import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.usage.UsageInterval;
import de.kihub.services.usage.UsageReport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the usage page and its CSV files show of one deployment in one period: usage per bucket, and
 * for counting deployments counts, crossings per line and direction and zone peaks per bucket, with
 * the lines and zones as columns (the configured ones first, then any that only the stored data
 * still names). The page and the CSV are made from the same rows, so they agree.
 */
public final class UsageView {
    private static final DateTimeFormatter GERMAN =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    /** Crossings of one line (OGNL reads {@code in} as an operator, hence other names). */
    public record LineSum(String name, int inward, int outward) {}

    /** One bucket of usage. */
    public record UsageRow(String start, String label, UsageInterval usage) {}

    /**
     * One bucket of counts; {@code crossings} holds in and out for each of {@link #lines()} in
     * turn, {@code peaks} the peak occupancy of each of {@link #zones()}.
     */
    public record CountRow(
            String start,
            String label,
            int frames,
            double meanCount,
            int maxCount,
            List<Integer> crossings,
            List<Integer> peaks) {}

    private final Deployment deployment;
    private final Period period;
    private final UsageReport usage;
    private final CountingApi.Counts counts;
    private final DateTimeFormatter format;
    private final List<String> lines;
    private final List<String> zones;

    UsageView(
            Deployment deployment,
            Period period,
            UsageReport usage,
            CountingApi.Counts counts,
            Locale locale) {
        this.deployment = deployment;
        this.period = period;
        this.usage = usage;
        this.counts = counts;
        this.format =
                (Language.ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : GERMAN)
                        .withZone(Period.ZONE);
        this.lines = counts == null ? List.of() : names(deployment, "lines", counts, true);
        this.zones = counts == null ? List.of() : names(deployment, "zones", counts, false);
    }

    /** The length of the deployment's stored aggregates (60 s unless configured). */
    static Duration aggregation(Deployment deployment) {
        JsonObject config = deployment.configuration();
        if (config != null
                && config.get("aggregationSeconds") instanceof jakarta.json.JsonNumber seconds) {
            return Duration.ofSeconds(seconds.longValue());
        }
        return Duration.ofMinutes(1);
    }

    public Deployment deployment() {
        return deployment;
    }

    public Period period() {
        return period;
    }

    public String label(Instant t) {
        return format.format(t);
    }

    public List<UsageRow> usageRows() {
        return usage.intervals().stream()
                .map(i -> new UsageRow(i.start().toString(), label(i.start()), i))
                .toList();
    }

    public UsageReport usage() {
        return usage;
    }

    public boolean hasCounts() {
        return counts != null;
    }

    public List<String> lines() {
        return lines;
    }

    public List<String> zones() {
        return zones;
    }

    public List<CountRow> countRows() {
        if (counts == null) {
            return List.of();
        }
        return counts.buckets().stream().map(this::row).toList();
    }

    /** Crossings per line over the whole period: in and out for each of {@link #lines()}. */
    public List<LineSum> lineTotals() {
        if (counts == null) {
            return List.of();
        }
        Map<String, CountingApi.LineTotal> byName = byName(counts.lineTotals());
        return lines.stream()
                .map(n -> byName.getOrDefault(n, new CountingApi.LineTotal(n, 0, 0)))
                .map(l -> new LineSum(l.name(), l.in(), l.out()))
                .toList();
    }

    private CountRow row(CountingApi.Interval b) {
        Map<String, CountingApi.LineTotal> byLine = byName(b.lines());
        List<Integer> crossings = new ArrayList<>();
        for (String line : lines) {
            CountingApi.LineTotal l = byLine.get(line);
            crossings.add(l == null ? 0 : l.in());
            crossings.add(l == null ? 0 : l.out());
        }
        Map<String, Integer> byZone =
                b.peakOccupancy().stream()
                        .collect(
                                Collectors.toMap(
                                        CountingApi.ZoneState::name,
                                        CountingApi.ZoneState::occupancy,
                                        Math::max));
        List<Integer> peaks = zones.stream().map(z -> byZone.getOrDefault(z, 0)).toList();
        return new CountRow(
                b.start().toString(),
                label(b.start()),
                b.frames(),
                b.meanCount(),
                b.maxCount(),
                crossings,
                peaks);
    }

    private static Map<String, CountingApi.LineTotal> byName(List<CountingApi.LineTotal> lines) {
        return lines.stream()
                .collect(
                        Collectors.toMap(
                                CountingApi.LineTotal::name, Function.identity(), (a, b) -> a));
    }

    /** The configured names of lines or zones, then those only the data names. */
    private static List<String> names(
            Deployment deployment, String key, CountingApi.Counts counts, boolean lines) {
        Set<String> names = new LinkedHashSet<>();
        JsonObject config = deployment.configuration();
        if (config != null && config.get(key) instanceof JsonArray configured) {
            for (JsonValue v : configured) {
                if (v instanceof JsonObject o && o.containsKey("name")) {
                    names.add(o.getString("name"));
                }
            }
        }
        for (CountingApi.Interval b : counts.buckets()) {
            if (lines) {
                b.lines().forEach(l -> names.add(l.name()));
            } else {
                b.peakOccupancy().forEach(z -> names.add(z.name()));
            }
        }
        return List.copyOf(names);
    }

    /** The counts as CSV: one row per bucket, crossings and peaks as columns. */
    void writeCounts(CsvWriter csv) {
        csv.text("start").text("end").text("frames").text("mean_count").text("max_count");
        for (String line : lines) {
            csv.text(line + " in").text(line + " out");
        }
        for (String zone : zones) {
            csv.text(zone + " peak");
        }
        csv.endRow();
        for (CountingApi.Interval b : counts.buckets()) {
            CountRow r = row(b);
            csv.text(r.start())
                    .text(b.start().plusSeconds(b.seconds()).toString())
                    .number(r.frames())
                    .number(r.meanCount())
                    .number(r.maxCount());
            r.crossings().forEach(c -> csv.number(c));
            r.peaks().forEach(p -> csv.number(p));
            csv.endRow();
        }
    }

    /** The usage as CSV: one row per bucket. */
    void writeUsage(CsvWriter csv) {
        csv.text("start")
                .text("end")
                .text("requests")
                .text("errors")
                .text("rejected")
                .text("latency_p50_ms")
                .text("latency_p95_ms")
                .text("latency_p99_ms")
                .text("latency_max_ms")
                .endRow();
        for (UsageInterval i : usage.intervals()) {
            csv.text(i.start().toString())
                    .text(i.start().plusSeconds(i.seconds()).toString())
                    .number(i.requests())
                    .number(i.errors())
                    .number(i.rejected())
                    .number(i.p50Ms())
                    .number(i.p95Ms())
                    .number(i.p99Ms())
                    .number(i.maxMs())
                    .endRow();
        }
    }

    /** {@code <what>-<deployment name>-<first day>-<last day>.csv}, in ASCII. */
    String fileName(String what) {
        String name =
                java.text.Normalizer.normalize(deployment.name(), java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .replaceAll("[^A-Za-z0-9_-]+", "-")
                        .replaceAll("^-+|-+$", "");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        return what
                + (name.isEmpty() ? "" : "-" + name)
                + "-"
                + period.firstDay()
                + "-"
                + period.lastDay()
                + ".csv";
    }

    /** The address of a CSV file of this period (relative to the context path). */
    String link(String path, UUID id, String file) {
        return QueryParameters.EMPTY
                .with("from", period.from().toString())
                .with("to", period.to().toString())
                .with("interval", period.intervalText())
                .link(path + "/" + id + "/" + file);
    }
}
