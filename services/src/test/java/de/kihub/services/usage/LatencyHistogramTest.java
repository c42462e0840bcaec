package de.kihub.services.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    /** Ratio of neighbouring bucket bounds: the largest relative error a percentile may have. */
    static final double BUCKET_GROWTH = Math.pow(10, 1.0 / LatencyHistogram.PER_DECADE);

    static long ms(double millis) {
        return Math.round(millis * 1e6);
    }

    /** The nearest-rank percentile of the values, in milliseconds. */
    static double exactPercentileMs(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.max(1, Math.ceil(q * sorted.length - 1e-9));
        return sorted[rank - 1] / 1e6;
    }

    static void assertWithinOneBucket(double exactMs, double estimateMs) {
        assertTrue(
                estimateMs >= exactMs && estimateMs <= exactMs * BUCKET_GROWTH,
                "estimate "
                        + estimateMs
                        + " ms for "
                        + exactMs
                        + " ms is off by more than a bucket");
    }

    @Test
    void percentilesOfAUniformDistributionAreWithinOneBucket() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(ms(i));
        }
        assertWithinOneBucket(500, h.percentileMillis(0.50));
        assertWithinOneBucket(950, h.percentileMillis(0.95));
        assertWithinOneBucket(990, h.percentileMillis(0.99));
        assertEquals(1000, h.percentileMillis(1.0), 1e-9);
        assertEquals(1000, h.maxMillis(), 1e-9);
        assertEquals(1000, h.count());
    }

    @Test
    void percentilesOfALongTailedDistributionAreWithinOneBucket() {
        Random random = new Random(42);
        long[] values = new long[20_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // log-normal around 20 ms, spanning sub-millisecond to seconds
            values[i] = Math.max(1, Math.round(Math.exp(random.nextGaussian() * 1.5) * ms(20)));
            h.record(values[i]);
        }
        for (double q : new double[] {0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999}) {
            assertWithinOneBucket(exactPercentileMs(values, q), h.percentileMillis(q));
        }
        assertEquals(Arrays.stream(values).max().orElseThrow() / 1e6, h.maxMillis(), 1e-9);
    }

    @Test
    void aSingleRequestIsItsOwnPercentile() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(ms(37.5));
        assertEquals(37.5, h.percentileMillis(0.5), 1e-9);
        assertEquals(37.5, h.percentileMillis(0.99), 1e-9);
    }

    @Test
    void latenciesBeyondTheHighestBucketReportTheMaximum() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(ms(120_000));
        h.record(ms(90_000));
        assertEquals(120_000, h.percentileMillis(0.99), 1e-9);
        assertEquals(120_000, h.percentileMillis(0.5), 1e-9);
    }

    @Test
    void anEmptyHistogramReportsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.count());
        assertEquals(0, h.percentileMillis(0.5));
        assertEquals(0, h.maxMillis());
        assertEquals(h, LatencyHistogram.decode(h.encode()));
    }

    @Test
    void mergingEqualsRecordingEverythingInOne() {
        Random random = new Random(7);
        LatencyHistogram all = new LatencyHistogram();
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        for (int i = 0; i < 5000; i++) {
            long nanos = (long) (random.nextDouble() * ms(3000));
            all.record(nanos);
            (i % 3 == 0 ? first : second).record(nanos);
        }
        first.merge(second);
        assertEquals(all, first);
        assertEquals(all.encode(), first.encode());
        assertEquals(all.percentileMillis(0.95), first.percentileMillis(0.95));
        assertEquals(all.count(), first.count());
    }

    @Test
    void encodingRoundTrips() {
        LatencyHistogram h = new LatencyHistogram();
        for (long nanos : new long[] {0, 5_000, ms(0.1), ms(1), ms(1), ms(42), ms(61_000)}) {
            h.record(nanos);
        }
        LatencyHistogram back = LatencyHistogram.decode(h.encode());
        assertEquals(h, back);
        assertEquals(h.count(), back.count());
        assertEquals(h.sumNanos(), back.sumNanos());
        assertEquals(h.percentileMillis(0.5), back.percentileMillis(0.5));
    }

    @Test
    void theEncodingFitsTheColumnEvenWithEveryBucketFull() {
        StringBuilder largest =
                new StringBuilder("v1;max=" + Long.MAX_VALUE + ";sum=" + Long.MAX_VALUE + ";b=");
        for (int bucket = 0; bucket < LatencyHistogram.BUCKETS; bucket++) {
            largest.append(bucket == 0 ? "" : ",").append(bucket).append(':');
            largest.append(Long.MAX_VALUE / LatencyHistogram.BUCKETS);
        }
        LatencyHistogram h = LatencyHistogram.decode(largest.toString());
        String text = h.encode();
        assertEquals(largest.toString(), text);
        assertTrue(text.length() <= LatencyHistogram.MAX_ENCODED_LENGTH, text.length() + " chars");
        assertTrue(
                LatencyHistogram.MAX_ENCODED_LENGTH <= 4000, "deployment_usage.latency_histogram");
    }

    @Test
    void eachValueFallsIntoTheBucketWhoseBoundHoldsIt() {
        long bound = LatencyHistogram.upperBoundNanos(12);
        assertEquals(1_000_000, bound);
        assertEquals(12, LatencyHistogram.bucketOf(bound));
        assertEquals(13, LatencyHistogram.bucketOf(bound + 1));
        assertEquals(0, LatencyHistogram.bucketOf(0));
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucketOf(Long.MAX_VALUE));
    }

    @Test
    void rejectsTextThatIsNotAHistogram() {
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.decode(""));
        assertThrows(
                IllegalArgumentException.class, () -> LatencyHistogram.decode("v2;max=0;sum=0;b="));
        assertThrows(
                IllegalArgumentException.class,
                () -> LatencyHistogram.decode("v1;max=0;sum=0;b=3:1,2:1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> LatencyHistogram.decode("v1;max=0;sum=0;b=99:1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> LatencyHistogram.decode("v1;max=0;sum=0;b=3:-1"));
    }

    @Test
    void quantilesOutsideZeroToOneAreRejected() {
        LatencyHistogram h = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> h.percentileMillis(0));
        assertThrows(IllegalArgumentException.class, () -> h.percentileMillis(1.5));
    }
}
