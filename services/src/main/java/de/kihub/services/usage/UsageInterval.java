package de.kihub.services.usage;

import java.time.Instant;

/**
 * One interval of a deployment's usage. {@code requests} counts every request; {@code errors} and
 * {@code rejected} are parts of it. Latencies (milliseconds) cover requests the model handled (ok
 * and error), 0 when there were none.
 */
public record UsageInterval(
        Instant start,
        int seconds,
        long requests,
        long errors,
        long rejected,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs) {}
