package de.kihub.services.usage;

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
        TreeMap<Instant, IntervalCounts> byStart = new TreeMap<>();
        Stream.concat(stored.stream(), unflushed.stream())
                .filter(c -> !c.start.isBefore(from) && c.start.isBefore(to))
                .forEach(
                        c ->
                                byStart.merge(
                                        c.start,
                                        c.copy(),
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
}
