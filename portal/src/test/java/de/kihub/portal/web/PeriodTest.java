package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {
    // 10:15 UTC on 26 November 2026 is 11:15 in Germany (CET)
    static final Instant NOW = Instant.parse("2026-11-26T10:15:00Z");

    static List<String> problems(String from, String to, String interval) {
        return assertThrows(
                        Period.InvalidPeriodException.class,
                        () -> Period.parse(from, to, interval, NOW))
                .problems()
                .stream()
                .map(Period.InvalidPeriodException.Problem::key)
                .toList();
    }

    @Test
    void withoutParametersTheLastSevenGermanDaysByTheHour() {
        Period p = Period.parse(null, "", " ", NOW);
        assertEquals(Instant.parse("2026-11-26T23:00:00Z"), p.to(), "midnight after today, CET");
        assertEquals(Instant.parse("2026-11-19T23:00:00Z"), p.from());
        assertEquals(Duration.ofHours(1), p.interval());
        assertEquals(LocalDate.of(2026, 11, 20), p.firstDay());
        assertEquals(LocalDate.of(2026, 11, 26), p.lastDay());
    }

    @Test
    void daysAreGermanDaysAndTheLastDayIsIncluded() {
        // 1 May is summer time (CEST, UTC+2)
        Period p = Period.parse("2026-05-01", "2026-05-01", "PT15M", NOW);
        assertEquals(Instant.parse("2026-04-30T22:00:00Z"), p.from());
        assertEquals(Instant.parse("2026-05-01T22:00:00Z"), p.to());
        assertEquals(Duration.ofMinutes(15), p.interval());
        assertEquals(LocalDate.of(2026, 5, 1), p.firstDay());
        assertEquals(LocalDate.of(2026, 5, 1), p.lastDay());
    }

    @Test
    void instantsAreTakenAsTheApiTakesThemWithAnExclusiveEnd() {
        Period p = Period.parse("2026-05-01T18:00:00Z", "2026-05-02T00:00:00Z", "P1D", NOW);
        assertEquals(Instant.parse("2026-05-01T18:00:00Z"), p.from());
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), p.to());
        assertEquals(LocalDate.of(2026, 5, 1), p.firstDay());
        assertEquals(LocalDate.of(2026, 5, 2), p.lastDay(), "00:00 UTC is 02:00 in Germany");
        assertEquals("PT24H", p.intervalText(), "Duration writes a day as 24 hours");
    }

    @Test
    void onlyAFromRunsToTheEndOfToday() {
        Period p = Period.parse("2026-11-01", null, null, NOW);
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), p.from());
        assertEquals(Instant.parse("2026-11-26T23:00:00Z"), p.to());
    }

    @Test
    void everyBadParameterIsNamed() {
        assertEquals(
                List.of("usage.invalid.interval", "usage.invalid.to", "usage.invalid.from"),
                problems("gestern", "2026-02-30", "stündlich"));
        assertEquals(List.of("usage.invalid.from"), problems("2026-5-1", null, null));
        assertEquals(List.of("usage.invalid.from"), problems("x".repeat(500), null, null));
    }

    @Test
    void intervalsAreWholeMinutesUpToThirtyOneDays() {
        assertEquals(List.of("usage.invalid.interval"), problems(null, null, "PT30S"));
        assertEquals(List.of("usage.invalid.interval"), problems(null, null, "PT90S"));
        assertEquals(List.of("usage.invalid.interval"), problems(null, null, "P32D"));
        assertEquals(List.of("usage.invalid.interval"), problems(null, null, "-PT1H"));
        assertEquals(List.of("usage.invalid.interval"), problems(null, null, "P1W"));
        assertEquals(Duration.ofMinutes(90), Period.parse(null, null, "PT90M", NOW).interval());
    }

    @Test
    void theStartLiesBeforeTheEndAndThePeriodIsNotTooLong() {
        assertEquals(List.of("usage.invalid.order"), problems("2026-05-02", "2026-05-01", null));
        assertEquals(
                List.of("usage.invalid.order"),
                problems("2026-05-01T10:00:00Z", "2026-05-01T10:00:00Z", null));
        assertEquals(List.of("usage.invalid.range"), problems("2025-01-01", "2026-05-01", "P1D"));
        // a year by the minute is more intervals than a page or a file should hold
        assertEquals(
                List.of("usage.invalid.buckets"), problems("2026-01-01", "2026-03-01", "PT1M"));
    }

    @Test
    void rejectedValuesAreShortenedForThePage() {
        Period.InvalidPeriodException e =
                assertThrows(
                        Period.InvalidPeriodException.class,
                        () -> Period.parse("y".repeat(100), null, null, NOW));
        assertEquals(41, e.problems().get(0).value().length());
    }

    @Test
    void anIntervalFitsTheAggregationIfItIsAWholeMultiple() {
        Period p = Period.parse(null, null, "PT15M", NOW);
        assertEquals(true, p.intervalIsMultipleOf(Duration.ofMinutes(5)));
        assertEquals(false, p.intervalIsMultipleOf(Duration.ofMinutes(10)));
    }
}
