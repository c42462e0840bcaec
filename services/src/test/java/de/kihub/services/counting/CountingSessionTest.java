package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingSessionTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final CountingLine GATE =
            new CountingLine("gate", new Point(400, 0), new Point(400, 576));
    private static final Zone WEST =
            new Zone(
                    "west",
                    List.of(
                            new Point(0, 0),
                            new Point(400, 0),
                            new Point(400, 576),
                            new Point(0, 576)));

    @Test
    void countsPeopleWalkingAcrossALineAndStandingInAZone() {
        CountingSession session =
                new CountingSession(List.of(GATE), List.of(WEST), CountingSettings.defaults());
        List<FrameResult> results = new ArrayList<>();

        // one person walks from x = 550 to x = 250 at 10 px per frame, another stands in the west,
        // one frame per second: 31 frames over two minutes
        for (int frame = 0; frame <= 30; frame++) {
            List<Detection> detections =
                    List.of(
                            TrackerTest.person(535 - 10 * frame, 200),
                            TrackerTest.person(100, 300));
            results.add(session.accept(detections, T0.plusSeconds(50 + frame)));
        }

        FrameResult last = results.get(30);
        assertEquals(2, last.count());
        assertEquals(List.of(new LineCrossings("gate", 1, 0)), last.totals());
        assertEquals(List.of(new ZoneOccupancy("west", 2)), last.occupancy());
        assertEquals(
                1, results.stream().mapToInt(r -> r.crossed().get(0).in()).sum(), "crossed once");

        List<IntervalAggregate> minutes = session.takeFinishedIntervals();
        assertEquals(1, minutes.size());
        assertEquals(T0, minutes.get(0).start());
        assertEquals(10, minutes.get(0).frames());
        // only the person standing still has been confirmed by then
        assertEquals(List.of(new ZoneOccupancy("west", 1)), minutes.get(0).peakOccupancy());
        assertEquals(List.of(), session.takeFinishedIntervals());

        List<IntervalAggregate> rest = session.flush();
        assertEquals(1, rest.size());
        assertEquals(21, rest.get(0).frames());
        assertEquals(List.of(new LineCrossings("gate", 1, 0)), rest.get(0).crossings());
        assertEquals(List.of(new ZoneOccupancy("west", 2)), rest.get(0).peakOccupancy());
        assertEquals(2.0, rest.get(0).meanCount());
    }

    @Test
    void refusesTwoLinesWithOneName() {
        CountingLine other = new CountingLine("gate", new Point(0, 10), new Point(10, 10));

        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class,
                        () ->
                                new CountingSession(
                                        List.of(GATE, other),
                                        List.of(),
                                        CountingSettings.defaults()));
        assertTrue(e.getMessage().contains("'gate'"), e.getMessage());
    }

    @Test
    void refusesANegativeDeadBand() {
        assertThrows(
                InvalidRequestException.class,
                () -> new CountingSettings(TrackerSettings.defaults(), -1, Duration.ofMinutes(1)));
    }
}
