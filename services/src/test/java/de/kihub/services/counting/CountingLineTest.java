package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CountingLineTest {

    @Test
    void aLineDrawnDownwardsHasItsRightHandSideOnTheLeftOfTheScreen() {
        CountingLine down = new CountingLine("gate", new Point(400, 0), new Point(400, 576));

        assertEquals(100, down.signedDistance(new Point(300, 50)), 1e-9);
        assertEquals(-100, down.signedDistance(new Point(500, 50)), 1e-9);
        assertEquals(0, down.signedDistance(new Point(400, 1000)), 1e-9);
    }

    @Test
    void aLineDrawnToTheRightHasItsRightHandSideBelowIt() {
        CountingLine right = new CountingLine("gate", new Point(0, 300), new Point(768, 300));

        assertEquals(20, right.signedDistance(new Point(10, 320)), 1e-9);
        assertEquals(-20, right.signedDistance(new Point(10, 280)), 1e-9);
    }

    @Test
    void reversingALineSwapsItsSides() {
        Point p = new Point(123, 45);
        CountingLine a = new CountingLine("a", new Point(10, 20), new Point(300, 200));
        CountingLine b = new CountingLine("b", new Point(300, 200), new Point(10, 20));

        assertEquals(-a.signedDistance(p), b.signedDistance(p), 1e-9);
    }

    @Test
    void refusesALineWhoseEndsAreOnePoint() {
        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class,
                        () -> new CountingLine("door", new Point(5, 5), new Point(5, 5)));
        assertTrue(e.getMessage().contains("same point"), e.getMessage());
    }

    @Test
    void refusesALineWithoutName() {
        assertThrows(
                InvalidRequestException.class,
                () -> new CountingLine(" ", new Point(5, 5), new Point(6, 5)));
    }
}
