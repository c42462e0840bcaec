package de.kihub.registry.search;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations of catalog queries in fixed buckets, recorded without locks by any number of request
 * threads. A snapshot reads the buckets one by one while others may still record, so its sum can be
 * a few queries ahead of or behind its counts; the counts themselves are never lost.
 */
public final class SearchTimings {
    /** Upper bounds in seconds (0.5 ms ... 5 s); one more bucket counts everything slower. */
    static final double[] UPPER_BOUNDS_SECONDS = {
        0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.2,
        0.5, 1, 5
    };

    private static final long[] UPPER_BOUNDS_NANOS = new long[UPPER_BOUNDS_SECONDS.length];

    static {
        for (int i = 0; i < UPPER_BOUNDS_SECONDS.length; i++) {
            UPPER_BOUNDS_NANOS[i] = Math.round(UPPER_BOUNDS_SECONDS[i] * 1e9);
        }
    }

    private final AtomicLongArray counts = new AtomicLongArray(UPPER_BOUNDS_SECONDS.length + 1);
    private final LongAdder sumNanos = new LongAdder();

    /**
     * Per-bucket counts (not cumulative): {@code counts[i]} queries took longer than bound i-1 and
     * at most bound i; the last entry counts those above the highest bound.
     */
    public record Snapshot(double[] upperBoundsSeconds, long[] counts, double sumSeconds) {
        public long count() {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            return total;
        }
    }

    /** Counts one query; a negative duration (a clock step) counts as zero. */
    void record(long nanos) {
        long d = Math.max(0, nanos);
        counts.incrementAndGet(bucketOf(d));
        sumNanos.add(d);
    }

    public Snapshot snapshot() {
        long[] copy = new long[counts.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
        }
        return new Snapshot(UPPER_BOUNDS_SECONDS.clone(), copy, sumNanos.sum() / 1e9);
    }

    static int bucketOf(long nanos) {
        int i = 0;
        while (i < UPPER_BOUNDS_NANOS.length && nanos > UPPER_BOUNDS_NANOS[i]) {
            i++;
        }
        return i;
    }
}
