package de.kihub.portal.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a usage page shows: [{@code from}, {@code to}) in buckets of {@code interval}, read
 * from the page's GET parameters so that every period is a bookmarkable address. {@code from} and
 * {@code to} are days ({@code 2026-05-01}, in the hub's time zone; {@code to} is the last day
 * shown) or ISO-8601 instants as the API takes them ({@code 2026-05-01T18:00:00Z}; {@code to}
 * exclusive); {@code interval} an ISO-8601 duration of whole minutes ({@code PT15M}, {@code PT1H},
 * {@code P1D}). Without parameters the page shows the last seven days (today included) by the hour.
 *
 * @param firstDay the first day shown, for the form's date field
 * @param lastDay the last day shown (the day of the last instant before {@code to})
 */
public record Period(
        Instant from, Instant to, Duration interval, LocalDate firstDay, LocalDate lastDay) {

    /** The municipalities' time zone: days start at midnight there, times are shown in it. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    public static final int DEFAULT_DAYS = 7;

    /** The longest period, as the counts API allows. */
    public static final Duration MAX_RANGE = Duration.ofDays(400);

    /** The longest bucket, as the counts API allows. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(31);

    /** The most buckets a period may have, as the counts API allows. */
    public static final long MAX_BUCKETS = 10_000;

    /** The intervals the form offers. */
    public static final List<Duration> CHOICES =
            List.of(
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(15),
                    Duration.ofHours(1),
                    Duration.ofDays(1));

    /**
     * What is wrong with the parameters: message keys of the usage page ({@code
     * usage.invalid.from}, ...), each with the rejected text as its parameter.
     */
    public static final class InvalidPeriodException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** A rejected parameter: the message key and the value shown in it. */
        public record Problem(String key, String value) {}

        private final transient List<Problem> problems;

        InvalidPeriodException(List<Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** The ISO-8601 text of the interval ({@code PT1H}), as the form and the links carry it. */
    public String intervalText() {
        return interval.toString();
    }

    /** Whether {@code interval} is a whole multiple of {@code base}. */
    public boolean intervalIsMultipleOf(Duration base) {
        return interval.toMillis() % base.toMillis() == 0;
    }

    /**
     * Reads the page's parameters (null or blank for "not given") at the time {@code now}.
     *
     * @throws InvalidPeriodException naming every rejected parameter
     */
    public static Period parse(String from, String to, String interval, Instant now) {
        List<InvalidPeriodException.Problem> problems = new ArrayList<>();
        Duration size = DEFAULT_INTERVAL;
        if (given(interval)) {
            size = duration(interval.strip());
            if (size == null) {
                problems.add(problem("usage.invalid.interval", interval));
            }
        }
        Instant end = tomorrow(now);
        if (given(to)) {
            end = instant(to.strip(), true);
            if (end == null) {
                problems.add(problem("usage.invalid.to", to));
            }
        }
        Instant start = end == null ? null : end.minus(Duration.ofDays(DEFAULT_DAYS));
        if (given(from)) {
            start = instant(from.strip(), false);
            if (start == null) {
                problems.add(problem("usage.invalid.from", from));
            }
        }
        if (problems.isEmpty()) {
            if (!start.isBefore(end)) {
                problems.add(problem("usage.invalid.order", ""));
            } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                problems.add(problem("usage.invalid.range", String.valueOf(MAX_RANGE.toDays())));
            } else if (buckets(start, end, size) > MAX_BUCKETS) {
                problems.add(problem("usage.invalid.buckets", String.valueOf(MAX_BUCKETS)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPeriodException(problems);
        }
        return new Period(
                start,
                end,
                size,
                start.atZone(ZONE).toLocalDate(),
                end.minusNanos(1).atZone(ZONE).toLocalDate());
    }

    private static long buckets(Instant start, Instant end, Duration size) {
        long millis = Duration.between(start, end).toMillis();
        return (millis + size.toMillis() - 1) / size.toMillis();
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static InvalidPeriodException.Problem problem(String key, String value) {
        // a rejected value is shown on the page: keep it short
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return new InvalidPeriodException.Problem(key, shown);
    }

    /** Midnight at the start of the day after {@code now}'s day in the hub's zone. */
    static Instant tomorrow(Instant now) {
        return now.atZone(ZONE).toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** A day (the start of it, or for the end the start of the next day) or an instant. */
    private static Instant instant(String text, boolean end) {
        if (text.length() > 40) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whole minutes from one minute to {@link #MAX_INTERVAL}; null for anything else. */
    private static Duration duration(String text) {
        if (text.length() > 20) {
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.compareTo(Duration.ofMinutes(1)) < 0
                    || d.compareTo(MAX_INTERVAL) > 0
                    || d.toMillis() % 60_000 != 0) {
                return null;
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
