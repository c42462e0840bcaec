package de.kihub.services.usage;

import java.util.Arrays;

/**
 * Request latencies in fixed log-scale buckets: twelve per decade (each bound is about 1.21 times
 * the previous) from 0.1 ms to about 68 s, plus one bucket above. Because every histogram has the
 * same buckets, histograms of several intervals merge exactly, and a percentile of the merged
 * histogram is as good as one computed over all the requests: it is the upper bound of the bucket
 * that holds it (capped at the maximum), so it is never below the true value and at most one bucket
 * (21 %) above it; values below 0.1 ms report at most 0.1 ms. Not thread-safe.
 */
public final class LatencyHistogram {
    /** Buckets per power of ten; every twelfth bound is a power of ten (1 ms, 10 ms, ...). */
    static final int PER_DECADE = 12;

    /** The longest text {@link #encode()} produces; the database column holds 4000 characters. */
    static final int MAX_ENCODED_LENGTH = 2000;

    private static final long LOWEST_BOUND_NANOS = 100_000;
    private static final long[] UPPER_BOUND_NANOS = new long[71];
    private static final String VERSION = "v1";

    static {
        for (int i = 0; i < UPPER_BOUND_NANOS.length; i++) {
            UPPER_BOUND_NANOS[i] =
                    Math.round(LOWEST_BOUND_NANOS * Math.pow(10, (double) i / PER_DECADE));
        }
    }

    /** Number of buckets, including the last one for latencies above the highest bound. */
    public static final int BUCKETS = UPPER_BOUND_NANOS.length + 1;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sumNanos;
    private long maxNanos;

    /** Counts one request; negative latencies (a clock step) count as zero. */
    public void record(long latencyNanos) {
        long nanos = Math.max(0, latencyNanos);
        counts[bucketOf(nanos)]++;
        count++;
        sumNanos += nanos;
        maxNanos = Math.max(maxNanos, nanos);
    }

    /** Adds all of {@code other}'s requests to this histogram. */
    public void merge(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sumNanos += other.sumNanos;
        maxNanos = Math.max(maxNanos, other.maxNanos);
    }

    public LatencyHistogram copy() {
        LatencyHistogram copy = new LatencyHistogram();
        copy.merge(this);
        return copy;
    }

    public long count() {
        return count;
    }

    public long sumNanos() {
        return sumNanos;
    }

    public double maxMillis() {
        return maxNanos / 1e6;
    }

    /**
     * The latency in milliseconds below which {@code quantile} (0 < q <= 1) of the requests lie
     * (nearest rank), or 0 when nothing was recorded.
     */
    public double percentileMillis(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + quantile);
        }
        if (count == 0) {
            return 0;
        }
        // the small tolerance keeps 0.95 * 100 at rank 95 despite binary floating point
        long rank = Math.max(1, (long) Math.ceil(quantile * count - 1e-9));
        long seen = 0;
        int bucket = 0;
        while (seen + counts[bucket] < rank) {
            seen += counts[bucket++];
        }
        long upper = bucket < UPPER_BOUND_NANOS.length ? UPPER_BOUND_NANOS[bucket] : maxNanos;
        return Math.min(upper, maxNanos) / 1e6;
    }

    /** Requests with a latency at or below {@link #upperBoundNanos(int) bound} {@code bucket}. */
    public long countAtOrBelow(int bucket) {
        long sum = 0;
        for (int i = 0; i <= bucket; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /** The inclusive upper bound of a bucket; the last bucket has none. */
    public static long upperBoundNanos(int bucket) {
        return UPPER_BOUND_NANOS[bucket];
    }

    static int bucketOf(long nanos) {
        int found = Arrays.binarySearch(UPPER_BOUND_NANOS, nanos);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * Compact text: {@code v1;max=<ns>;sum=<ns>;b=<bucket>:<count>,...} listing non-empty buckets
     * only. At most {@link #MAX_ENCODED_LENGTH} characters whatever the counts.
     */
    public String encode() {
        StringBuilder text = new StringBuilder(64);
        text.append(VERSION).append(";max=").append(maxNanos).append(";sum=").append(sumNanos);
        text.append(";b=");
        String separator = "";
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                text.append(separator).append(i).append(':').append(counts[i]);
                separator = ",";
            }
        }
        return text.toString();
    }

    /** Parses what {@link #encode()} wrote; IllegalArgumentException for anything else. */
    public static LatencyHistogram decode(String text) {
        String[] parts = text.split(";", -1);
        if (parts.length != 4
                || !parts[0].equals(VERSION)
                || !parts[1].startsWith("max=")
                || !parts[2].startsWith("sum=")
                || !parts[3].startsWith("b=")) {
            throw new IllegalArgumentException("Not an encoded latency histogram: " + text);
        }
        LatencyHistogram h = new LatencyHistogram();
        try {
            h.maxNanos = nonNegative(Long.parseLong(parts[1].substring(4)));
            h.sumNanos = nonNegative(Long.parseLong(parts[2].substring(4)));
            String buckets = parts[3].substring(2);
            int previous = -1;
            for (String entry : buckets.isEmpty() ? new String[0] : buckets.split(",")) {
                int colon = entry.indexOf(':');
                int bucket = Integer.parseInt(entry.substring(0, colon));
                if (bucket <= previous || bucket >= BUCKETS) {
                    throw new IllegalArgumentException("bucket " + bucket + " out of order");
                }
                h.counts[bucket] = nonNegative(Long.parseLong(entry.substring(colon + 1)));
                h.count += h.counts[bucket];
                previous = bucket;
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an encoded latency histogram: " + text, e);
        }
        return h;
    }

    private static long nonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyHistogram other
                && sumNanos == other.sumNanos
                && maxNanos == other.maxNanos
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Long.hashCode(maxNanos);
    }

    @Override
    public String toString() {
        return encode();
    }
}
