package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneTest {
    // an L shape, so that a point in the notch is outside although inside the bounding box
    private static final Zone PLAZA =
            new Zone(
                    "plaza",
                    List.of(
                            new Point(0, 0),
                            new Point(200, 0),
                            new Point(200, 100),
                            new Point(100, 100),
                            new Point(100, 200),
                            new Point(0, 200)));

    @Test
    void containsPointsInsideItsOutlineOnly() {
        assertTrue(PLAZA.contains(new Point(50, 150)));
        assertTrue(PLAZA.contains(new Point(150, 50)));
        assertFalse(PLAZA.contains(new Point(150, 150)));
        assertFalse(PLAZA.contains(new Point(-1, 50)));
    }

    @Test
    void occupancyCountsTracksByFootPoint() {
        List<TrackedObject> tracks =
                List.of(
                        LineCounterTest.track(1, new Point(50, 150)),
                        LineCounterTest.track(2, new Point(150, 50)),
                        // the body reaches into the zone, the feet stand in the notch
                        LineCounterTest.track(3, new Point(150, 150)));

        assertEquals(2, PLAZA.occupancy(tracks));
    }

    @Test
    void refusesPolygonsWithoutArea() {
        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class,
                        () -> new Zone("z", List.of(new Point(0, 0), new Point(1, 0))));
        assertTrue(e.getMessage().contains("Zone 'z'"), e.getMessage());
        assertThrows(
                InvalidRequestException.class,
                () -> new Zone("z", List.of(new Point(0, 0), new Point(0, 0), new Point(0, 0))));
        assertThrows(InvalidRequestException.class, () -> new Zone("", PLAZA.polygon()));
    }
}
