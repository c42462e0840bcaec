package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AggregatorTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final Aggregator aggregator = new Aggregator(Duration.ofMinutes(1));

    @Test
    void bucketsFramesIntoWholeMinutes() {
        assertEquals(Optional.empty(), aggregator.add(frame(T0.plusSeconds(5), 2, 1, 0, 3)));
        assertEquals(Optional.empty(), aggregator.add(frame(T0.plusSeconds(30), 4, 0, 2, 1)));
        assertEquals(Optional.empty(), aggregator.add(frame(T0.plusSeconds(59), 3, 1, 0, 2)));

        IntervalAggregate first = aggregator.add(frame(T0.plusSeconds(60), 7, 0, 0, 0)).get();

        assertEquals(
                new IntervalAggregate(
                        T0,
                        Duration.ofMinutes(1),
                        3,
                        3.0,
                        4,
                        List.of(new LineCrossings("gate", 2, 2)),
                        List.of(new ZoneOccupancy("plaza", 3))),
                first);
        IntervalAggregate second = aggregator.flush().get();
        assertEquals(T0.plusSeconds(60), second.start());
        assertEquals(1, second.frames());
        assertEquals(7, second.maxCount());
        assertEquals(Optional.empty(), aggregator.flush());
    }

    @Test
    void alignsIntervalsToTheirLengthSinceTheEpoch() {
        Aggregator quarterHours = new Aggregator(Duration.ofMinutes(15));
        quarterHours.add(frame(T0.plusSeconds(17 * 60 + 3), 1, 0, 0, 0));

        assertEquals(T0.plusSeconds(15 * 60), quarterHours.flush().get().start());
    }

    @Test
    void skipsIntervalsWithoutFrames() {
        aggregator.add(frame(T0, 1, 0, 0, 0));

        IntervalAggregate finished = aggregator.add(frame(T0.plusSeconds(600), 1, 0, 0, 0)).get();

        assertEquals(T0, finished.start());
        assertEquals(T0.plusSeconds(600), aggregator.flush().get().start());
    }

    @Test
    void countsAFrameFromAClockSteppingBackIntoTheOpenInterval() {
        aggregator.add(frame(T0.plusSeconds(70), 1, 0, 0, 0));

        assertEquals(Optional.empty(), aggregator.add(frame(T0.plusSeconds(10), 5, 0, 0, 0)));

        IntervalAggregate open = aggregator.flush().get();
        assertEquals(T0.plusSeconds(60), open.start());
        assertEquals(2, open.frames());
    }

    @Test
    void refusesIntervalsShorterThanASecondOrLongerThanADay() {
        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class,
                        () -> new Aggregator(Duration.ofMillis(500)));
        assertTrue(e.getMessage().contains("interval"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> new Aggregator(Duration.ofDays(2)));
    }

    private static FrameResult frame(Instant time, int count, int in, int out, int occupancy) {
        return new FrameResult(
                time,
                count,
                List.of(new LineCrossings("gate", in, out)),
                List.of(new LineCrossings("gate", in, out)),
                List.of(new ZoneOccupancy("plaza", occupancy)));
    }
}
