package de.kihub.services.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.services.counting.LineCrossings;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossingMetricsTest {

    @Test
    void comparesEachLineAndDirection() {
        CrossingMetrics.Result r =
                CrossingMetrics.of(
                        List.of(new LineCrossings("x=400", 7, 6), new LineCrossings("y=300", 7, 9)),
                        List.of(
                                new LineCrossings("x=400", 9, 7),
                                new LineCrossings("y=300", 7, 10)));

        assertEquals(
                List.of(
                        new CrossingMetrics.Entry("x=400", "in", 7, 9, -2),
                        new CrossingMetrics.Entry("x=400", "out", 6, 7, -1),
                        new CrossingMetrics.Entry("y=300", "in", 7, 7, 0),
                        new CrossingMetrics.Entry("y=300", "out", 9, 10, -1)),
                r.lines());
        assertEquals(1.0, r.meanAbsoluteError(), 1e-12);
    }

    @Test
    void hasNoErrorWithoutLines() {
        assertNull(CrossingMetrics.of(List.of(), List.of()).meanAbsoluteError());
    }

    @Test
    void refusesLinesThatDoNotCorrespond() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        CrossingMetrics.of(
                                List.of(new LineCrossings("a", 1, 1)),
                                List.of(new LineCrossings("b", 1, 1))));
    }
}
