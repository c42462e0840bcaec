package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedCrossingsTest {
    /** Top to bottom: "in" is walking from right to left on the screen. */
    private static final CountingLine GATE =
            new CountingLine("gate", new Point(400, 0), new Point(400, 576));

    /** A 20x40 box standing with its foot point at (x, 300). */
    private static Box standingAt(double x) {
        return new Box(x - 10, 260, 20, 40);
    }

    @Test
    void countsEverySideChangeOfAPersonInBothDirections() {
        AnnotatedCrossings crossings = new AnnotatedCrossings(List.of(GATE));
        for (double x : new double[] {430, 410, 400, 390, 370, 395, 405}) {
            crossings.add(1, standingAt(x));
        }

        // 410 -> (400 is on the line, no side) -> 390: in; 395 -> 405: out
        assertEquals(List.of(new LineCrossings("gate", 1, 1)), crossings.totals());
    }

    @Test
    void keepsPeopleApartAndIgnoresAFirstAppearance() {
        AnnotatedCrossings crossings = new AnnotatedCrossings(List.of(GATE));
        crossings.add(1, standingAt(420));
        crossings.add(2, standingAt(380));
        crossings.add(1, standingAt(380));
        crossings.add(2, standingAt(370));

        assertEquals(List.of(new LineCrossings("gate", 1, 0)), crossings.totals());
    }
}
