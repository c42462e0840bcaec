package de.kihub.services.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.kihub.services.counting.Box;
import de.kihub.services.counting.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {

    private static Box box(double x, double y) {
        return new Box(x, y, 10, 10);
    }

    @Test
    void matchesByScoreCountsDuplicatesAsFalseAndInterpolatesAllPoints() {
        DetectionMetrics m = new DetectionMetrics(0.5f);
        // image 1: a hit, a duplicate of it (IoU 0.82 with a box already matched), a hit below
        // the threshold
        m.add(
                List.of(
                        new Detection(box(1, 0), 0.8f),
                        new Detection(box(20, 0), 0.3f),
                        new Detection(box(0, 0), 0.9f)),
                List.of(box(0, 0), box(20, 0)));
        // image 2: a miss far away from the only person
        m.add(List.of(new Detection(box(50, 50), 0.6f)), List.of(box(0, 0)));

        DetectionMetrics.Result r = m.result();

        assertEquals(2, r.images());
        assertEquals(3, r.groundTruth());
        assertEquals(3, r.detections());
        assertEquals(1, r.truePositives());
        assertEquals(2, r.falsePositives());
        assertEquals(2, r.falseNegatives());
        assertEquals(1.0 / 3, r.precision(), 1e-12);
        assertEquals(1.0 / 3, r.recall(), 1e-12);
        // ranked: TP 0.9, FP 0.8, FP 0.6, TP 0.3 -> recall 1/3 at precision 1, 2/3 at 0.5
        assertEquals(1.0 / 3 * 1 + 1.0 / 3 * 0.5, r.ap50(), 1e-12);
        assertEquals(4, r.rankedDetections());
        assertEquals(0.3f, r.lowestRankedScore());
    }

    @Test
    void aDetectionTakesTheAnnotatedBoxItOverlapsMostAndNeedsHalfOverlap() {
        DetectionMetrics m = new DetectionMetrics(0.5f);
        // overlaps the first box by 0.43 (below 0.5) and the second by 0.67
        m.add(List.of(new Detection(box(4, 0), 0.9f)), List.of(box(0, 0), box(6, 0)));

        DetectionMetrics.Result r = m.result();

        assertEquals(1, r.truePositives());
        assertEquals(1, r.falseNegatives());
    }

    @Test
    void perfectDetectionsHaveApOne() {
        DetectionMetrics m = new DetectionMetrics(0.5f);
        m.add(
                List.of(new Detection(box(0, 0), 0.9f), new Detection(box(30, 0), 0.7f)),
                List.of(box(0, 0), box(30, 0)));

        DetectionMetrics.Result r = m.result();

        assertEquals(1.0, r.ap50(), 1e-12);
        assertEquals(1.0, r.precision(), 1e-12);
        assertEquals(1.0, r.recall(), 1e-12);
    }

    @Test
    void hasNoPrecisionWithoutDetectionsAndNoApWithoutPeople() {
        DetectionMetrics none = new DetectionMetrics(0.5f);
        none.add(List.of(), List.of(box(0, 0)));
        assertNull(none.result().precision());
        assertEquals(0.0, none.result().recall(), 1e-12);
        assertEquals(0.0, none.result().ap50(), 1e-12);

        DetectionMetrics empty = new DetectionMetrics(0.5f);
        empty.add(List.of(new Detection(box(0, 0), 0.9f)), List.of());
        assertNull(empty.result().ap50());
        assertNull(empty.result().recall());
        assertEquals(0.0, empty.result().precision(), 1e-12);
    }
}
