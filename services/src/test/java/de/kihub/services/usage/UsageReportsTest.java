package de.kihub.services.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageReportsTest {
    static final UUID DEPLOYMENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final long MS = 1_000_000;

    static IntervalCounts interval(Instant start, Outcome outcome, long... latenciesMs) {
        IntervalCounts c = new IntervalCounts(start, 60);
        for (long ms : latenciesMs) {
            c.add(outcome, ms * MS);
        }
        return c;
    }

    @Test
    void storedAndOpenIntervalsAppearOldestFirst() {
        IntervalCounts stored = interval(T0, Outcome.OK, 10, 20);
        IntervalCounts open = interval(T0.plusSeconds(60), Outcome.OK, 30);
        UsageReport report =
                UsageReports.build(
                        DEPLOYMENT, T0, T0.plusSeconds(3600), List.of(stored), List.of(open));
        assertEquals(2, report.intervals().size());
        assertEquals(T0, report.intervals().get(0).start());
        assertEquals(2, report.intervals().get(0).requests());
        assertEquals(1, report.intervals().get(1).requests());
        assertEquals(3, report.totals().requests());
    }

    @Test
    void anIntervalBothStoredAndInMemoryIsMergedIntoOne() {
        IntervalCounts stored = interval(T0, Outcome.OK, 10);
        IntervalCounts late = interval(T0, Outcome.ERROR, 500);
        UsageReport report =
                UsageReports.build(
                        DEPLOYMENT, T0, T0.plusSeconds(60), List.of(stored), List.of(late));
        assertEquals(1, report.intervals().size());
        assertEquals(2, report.intervals().get(0).requests());
        assertEquals(1, report.intervals().get(0).errors());
        assertEquals(500, report.intervals().get(0).maxMs(), 1e-9);
    }

    @Test
    void totalPercentilesComeFromAllRequestsNotFromIntervalPercentiles() {
        // 99 fast requests in one interval, 1 slow request alone in the next: the slow interval's
        // p50 is 2000 ms, yet over both the median request took 10 ms
        IntervalCounts fast = new IntervalCounts(T0, 60);
        for (int i = 0; i < 99; i++) {
            fast.add(Outcome.OK, 10 * MS);
        }
        IntervalCounts slow = interval(T0.plusSeconds(60), Outcome.OK, 2000);
        UsageReport report =
                UsageReports.build(
                        DEPLOYMENT, T0, T0.plusSeconds(120), List.of(fast), List.of(slow));
        assertEquals(2000, report.intervals().get(1).p50Ms(), 1e-9);
        assertEquals(10, report.totals().p50Ms(), 1e-9);
        assertEquals(10, report.totals().p95Ms(), 1e-9);
        assertEquals(2000, report.totals().maxMs(), 1e-9);
        assertEquals(100, report.totals().requests());
    }

    @Test
    void onlyIntervalsStartingInTheRangeAreReported() {
        IntervalCounts before = interval(T0.minusSeconds(60), Outcome.OK, 10);
        IntervalCounts inside = interval(T0, Outcome.OK, 10);
        IntervalCounts atTheEnd = interval(T0.plusSeconds(60), Outcome.OK, 10);
        UsageReport report =
                UsageReports.build(
                        DEPLOYMENT,
                        T0,
                        T0.plusSeconds(60),
                        List.of(before, inside),
                        List.of(atTheEnd));
        assertEquals(1, report.intervals().size());
        assertEquals(T0, report.intervals().get(0).start());
        assertEquals(1, report.totals().requests());
    }

    @Test
    void aReportWithoutRequestsHasZeroTotals() {
        UsageReport report =
                UsageReports.build(DEPLOYMENT, T0, T0.plusSeconds(60), List.of(), List.of());
        assertEquals(new UsageTotals(0, 0, 0, 0, 0, 0, 0), report.totals());
        assertEquals(List.of(), report.intervals());
    }

    @Test
    void intervalsRegroupIntoHourBucketsWithPercentilesOfAllTheirRequests() {
        // 10:00 and 10:59 fall into the 10:00 hour, 11:01 into the next; the hour's p95 is that of
        // its 20 requests (19 at 10 ms, one at 2000 ms), not a mean of the minutes' values
        IntervalCounts first = new IntervalCounts(T0, 60);
        for (int i = 0; i < 19; i++) {
            first.add(Outcome.OK, 10 * MS);
        }
        IntervalCounts last = interval(T0.plusSeconds(59 * 60), Outcome.ERROR, 2000);
        IntervalCounts next = interval(T0.plusSeconds(61 * 60), Outcome.OK, 30);
        UsageReport report =
                UsageReports.build(
                        DEPLOYMENT,
                        T0,
                        T0.plusSeconds(3 * 3600),
                        List.of(first, last),
                        List.of(next),
                        Duration.ofHours(1));
        assertEquals(2, report.intervals().size());
        UsageInterval hour = report.intervals().get(0);
        assertEquals(T0, hour.start());
        assertEquals(3600, hour.seconds());
        assertEquals(20, hour.requests());
        assertEquals(1, hour.errors());
        assertEquals(10, hour.p50Ms(), 10 * 0.22);
        assertEquals(10, hour.p95Ms(), 10 * 0.22);
        assertEquals(2000, hour.p99Ms(), 2000 * 0.22);
        assertEquals(T0.plusSeconds(3600), report.intervals().get(1).start());
        assertEquals(21, report.totals().requests());
        // the stored intervals are not changed by regrouping
        assertEquals(T0, first.start);
        assertEquals(19, first.requests);
    }
}
