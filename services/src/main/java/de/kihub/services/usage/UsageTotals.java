package de.kihub.services.usage;

/**
 * A deployment's usage summed over a report's intervals; the percentiles come from the merged
 * latency histograms, so they are those of all the requests, not averages of interval percentiles.
 */
public record UsageTotals(
        long requests,
        long errors,
        long rejected,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs) {}
