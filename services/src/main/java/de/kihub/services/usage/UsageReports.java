package de.kihub.services.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/** Builds a report from stored intervals and those still in memory. */
final class UsageReports {
    private UsageReports() {}

    /**
     * The intervals of both lists that start in [from, to); an interval found in both (requests
     * that arrived after it was stored) is merged into one.
     */
    static UsageReport build(
            UUID deployment,
            Instant from,
            Instant to,
            List<IntervalCounts> stored,
            List<IntervalCounts> unflushed) {
        return build(deployment, from, to, stored, unflushed, null);
    }

    /**
     * As {@link #build(UUID, Instant, Instant, List, List)}, with the intervals regrouped into
     * buckets of {@code bucket} (aligned to the epoch, like the intervals; null keeps them as they
     * are). The histograms merge exactly, so a bucket's percentiles are those of its requests.
     */
    static UsageReport build(
            UUID deployment,
            Instant from,
            Instant to,
            List<IntervalCounts> stored,
            List<IntervalCounts> unflushed,
            Duration bucket) {
        TreeMap<Instant, IntervalCounts> byStart = new TreeMap<>();
        Stream.concat(stored.stream(), unflushed.stream())
                .filter(c -> !c.start.isBefore(from) && c.start.isBefore(to))
                .forEach(
                        c ->
                                byStart.merge(
                                        bucketStart(c.start, bucket),
                                        bucket == null ? c.copy() : regrouped(c, bucket),
                                        (a, b) -> {
                                            a.merge(b);
                                            return a;
                                        }));
        IntervalCounts all = new IntervalCounts(from, 0);
        byStart.values().forEach(all::merge);
        UsageTotals totals =
                new UsageTotals(
                        all.requests,
                        all.errors,
                        all.rejected,
                        all.latency.percentileMillis(0.50),
                        all.latency.percentileMillis(0.95),
                        all.latency.percentileMillis(0.99),
                        all.latency.maxMillis());
        return new UsageReport(
                deployment,
                from,
                to,
                totals,
                byStart.values().stream().map(IntervalCounts::toInterval).toList());
    }

    private static Instant bucketStart(Instant start, Duration bucket) {
        if (bucket == null) {
            return start;
        }
        long seconds = bucket.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), seconds) * seconds);
    }

    private static IntervalCounts regrouped(IntervalCounts c, Duration bucket) {
        return new IntervalCounts(
                bucketStart(c.start, bucket),
                (int) bucket.toSeconds(),
                c.requests,
                c.errors,
                c.rejected,
                c.latency.copy());
    }
}
