package de.kihub.services.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A deployment's usage in the intervals that start in [from, to), oldest first, with totals. */
public record UsageReport(
        UUID deployment,
        Instant from,
        Instant to,
        UsageTotals totals,
        List<UsageInterval> intervals) {
    public UsageReport {
        intervals = List.copyOf(intervals);
    }
}
