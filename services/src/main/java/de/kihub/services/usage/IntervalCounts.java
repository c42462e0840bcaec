package de.kihub.services.usage;

import java.time.Instant;

/**
 * What one deployment did during one interval: request counts and the latency histogram. Requests
 * count every outcome; errors and rejected are parts of it. Only requests the model handled (ok and
 * error) are timed: a rejection's latency says nothing about the model. Not thread-safe.
 */
final class IntervalCounts {
    final Instant start;
    final int seconds;
    long requests;
    long errors;
    long rejected;
    final LatencyHistogram latency;

    IntervalCounts(Instant start, int seconds) {
        this(start, seconds, 0, 0, 0, new LatencyHistogram());
    }

    IntervalCounts(
            Instant start,
            int seconds,
            long requests,
            long errors,
            long rejected,
            LatencyHistogram latency) {
        this.start = start;
        this.seconds = seconds;
        this.requests = requests;
        this.errors = errors;
        this.rejected = rejected;
        this.latency = latency;
    }

    void add(Outcome outcome, long latencyNanos) {
        requests++;
        switch (outcome) {
            case OK -> latency.record(latencyNanos);
            case ERROR -> {
                errors++;
                latency.record(latencyNanos);
            }
            case REJECTED -> rejected++;
        }
    }

    void merge(IntervalCounts other) {
        requests += other.requests;
        errors += other.errors;
        rejected += other.rejected;
        latency.merge(other.latency);
    }

    IntervalCounts copy() {
        return new IntervalCounts(start, seconds, requests, errors, rejected, latency.copy());
    }

    Instant end() {
        return start.plusSeconds(seconds);
    }

    UsageInterval toInterval() {
        return new UsageInterval(
                start,
                seconds,
                requests,
                errors,
                rejected,
                latency.percentileMillis(0.50),
                latency.percentileMillis(0.95),
                latency.percentileMillis(0.99),
                latency.maxMillis());
    }
}
