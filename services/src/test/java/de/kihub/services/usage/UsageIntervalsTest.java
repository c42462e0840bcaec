package de.kihub.services.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageIntervalsTest {
    static final TenantId BOCHUM = TenantId.of("bochum");
    static final UUID COUNTER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID PARKING = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final long MS = 1_000_000;

    final FakeClock clock = new FakeClock("2025-03-01T10:00:42Z");
    final UsageIntervals intervals = new UsageIntervals(clock, 60);

    @Test
    void requestsLandInTheIntervalAlignedToTheClock() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 12 * MS);
        List<IntervalCounts> open = intervals.unflushed(COUNTER);
        assertEquals(1, open.size());
        assertEquals(Instant.parse("2025-03-01T10:00:00Z"), open.get(0).start);
        assertEquals(60, open.get(0).seconds);
        assertEquals(1, open.get(0).requests);
    }

    @Test
    void anIntervalIsFinishedOnlyOnceItsEndHasPassed() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 12 * MS);
        clock.set("2025-03-01T10:00:59.999Z");
        assertTrue(intervals.takeFinished().isEmpty());

        clock.set("2025-03-01T10:01:00Z");
        List<UsageIntervals.Pending> finished = intervals.takeFinished();
        assertEquals(1, finished.size());
        assertEquals(COUNTER, finished.get(0).deployment());
        assertEquals(Instant.parse("2025-03-01T10:00:00Z"), finished.get(0).counts().start);
    }

    @Test
    void aFinishedIntervalIsTakenOnlyOnce() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 12 * MS);
        clock.set("2025-03-01T10:02:00Z");
        assertEquals(1, intervals.takeFinished().size());
        assertTrue(intervals.takeFinished().isEmpty());
        assertTrue(intervals.unflushed(COUNTER).isEmpty());
    }

    @Test
    void requestsAfterTheRolloverStartANewInterval() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 10 * MS);
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 20 * MS);
        clock.set("2025-03-01T10:01:05Z");
        intervals.record(COUNTER, BOCHUM, Outcome.ERROR, 30 * MS);

        List<UsageIntervals.Pending> finished = intervals.takeFinished();
        assertEquals(1, finished.size());
        assertEquals(2, finished.get(0).counts().requests);

        List<IntervalCounts> open = intervals.unflushed(COUNTER);
        assertEquals(1, open.size());
        assertEquals(Instant.parse("2025-03-01T10:01:00Z"), open.get(0).start);
        assertEquals(1, open.get(0).errors);
    }

    @Test
    void takingAllIncludesTheOpenInterval() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 10 * MS);
        intervals.record(PARKING, BOCHUM, Outcome.OK, 10 * MS);
        assertTrue(intervals.takeFinished().isEmpty());
        assertEquals(2, intervals.takeAll().size());
        assertTrue(intervals.unflushed(COUNTER).isEmpty());
    }

    @Test
    void rejectedRequestsAreCountedButNotTimed() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 10 * MS);
        intervals.record(COUNTER, BOCHUM, Outcome.ERROR, 40 * MS);
        intervals.record(COUNTER, BOCHUM, Outcome.REJECTED, 1);
        IntervalCounts open = intervals.unflushed(COUNTER).get(0);
        assertEquals(3, open.requests);
        assertEquals(1, open.errors);
        assertEquals(1, open.rejected);
        assertEquals(2, open.latency.count());
        assertEquals(40, open.latency.maxMillis(), 1e-9);
    }

    @Test
    void intervalsThatCouldNotBeStoredComeBackAndMergeWithNewRequests() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 10 * MS);
        List<UsageIntervals.Pending> taken = intervals.takeAll();
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 10 * MS);
        intervals.restore(taken);
        List<IntervalCounts> open = intervals.unflushed(COUNTER);
        assertEquals(1, open.size());
        assertEquals(2, open.get(0).requests);
    }

    @Test
    void totalsSinceStartSurviveFlushing() {
        intervals.record(COUNTER, BOCHUM, Outcome.OK, 10 * MS);
        clock.set("2025-03-01T10:05:00Z");
        intervals.takeFinished();
        intervals.record(COUNTER, BOCHUM, Outcome.REJECTED, 0);
        List<UsageIntervals.Running> running = intervals.running();
        assertEquals(1, running.size());
        assertEquals(BOCHUM, running.get(0).tenant());
        assertEquals(2, running.get(0).counts().requests);
        assertEquals(1, running.get(0).counts().rejected);
    }

    @Test
    void longerIntervalsAlignToTheirOwnLength() {
        UsageIntervals quarterHours = new UsageIntervals(clock, 900);
        clock.set("2025-03-01T10:29:59Z");
        assertEquals(
                Instant.parse("2025-03-01T10:15:00Z"), quarterHours.intervalStart(clock.instant()));
    }

    @Test
    void anIntervalMustLastAtLeastASecond() {
        assertThrows(IllegalArgumentException.class, () -> new UsageIntervals(clock, 0));
    }
}
