package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTimingsTest {

    @Test
    void durationsLandInTheirBucketBoundsIncluded() {
        SearchTimings t = new SearchTimings();
        t.record(400_000); // 0.4 ms
        t.record(500_000); // exactly 0.5 ms: still the first bucket
        t.record(2_500_000); // 2.5 ms
        t.record(-5); // a clock step counts as zero
        t.record(9_000_000_000L); // 9 s: above every bound
        SearchTimings.Snapshot s = t.snapshot();
        long[] expected = new long[SearchTimings.UPPER_BOUNDS_SECONDS.length + 1];
        expected[0] = 3;
        expected[3] = 1; // (2 ms, 3 ms]
        expected[expected.length - 1] = 1;
        assertArrayEquals(expected, s.counts());
        assertEquals(5, s.count());
        assertEquals(9.0034, s.sumSeconds(), 1e-9);
        assertEquals(0.0005, s.upperBoundsSeconds()[0]);
        assertEquals(5, s.upperBoundsSeconds()[s.upperBoundsSeconds().length - 1]);
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        SearchTimings t = new SearchTimings();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread =
                    Thread.ofPlatform()
                            .name("timings-" + i)
                            .start(
                                    () -> {
                                        for (int n = 0; n < 10_000; n++) {
                                            t.record(1_000_000);
                                        }
                                    });
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(80_000, t.snapshot().count());
        assertEquals(80.0, t.snapshot().sumSeconds(), 1e-9);
    }
}
