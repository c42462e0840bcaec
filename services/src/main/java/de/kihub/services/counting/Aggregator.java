package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reduces a stream of frame results to one {@link IntervalAggregate} per interval.
 *
 * <p>Intervals are aligned to multiples of their length since the epoch (whole minutes for the
 * default), so aggregates of different cameras line up. An interval is finished by the first frame
 * of a later interval, or by {@link #flush()} at the end of a stream. Intervals without frames
 * produce nothing: a missing aggregate means "no data", not "nobody there". A frame whose capture
 * time lies before the open interval (a camera clock stepping back) is counted in the open
 * interval, because finished intervals may already be stored. Not thread-safe.
 */
public final class Aggregator {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Duration interval;
    private final long intervalMillis;
    private Bucket open;

    public Aggregator(Duration interval) {
        if (interval == null
                || interval.compareTo(Duration.ofSeconds(1)) < 0
                || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidRequestException(
                    "The aggregation interval must lie between 1 second and 1 day, got "
                            + interval
                            + ".");
        }
        this.interval = interval;
        this.intervalMillis = interval.toMillis();
    }

    /** Adds a frame; returns the interval it finished, if it is the first of a later interval. */
    public Optional<IntervalAggregate> add(FrameResult frame) {
        Instant start = startOf(frame.captureTime());
        Optional<IntervalAggregate> finished = Optional.empty();
        if (open != null && start.isAfter(open.start)) {
            finished = Optional.of(open.aggregate());
            open = null;
        }
        if (open == null) {
            open = new Bucket(start);
        }
        open.add(frame);
        return finished;
    }

    /** Finishes the open interval, if any, early: for the end of a stream. */
    public Optional<IntervalAggregate> flush() {
        Optional<IntervalAggregate> finished = Optional.ofNullable(open).map(Bucket::aggregate);
        open = null;
        return finished;
    }

    public Duration interval() {
        return interval;
    }

    private Instant startOf(Instant time) {
        return Instant.ofEpochMilli(
                Math.floorDiv(time.toEpochMilli(), intervalMillis) * intervalMillis);
    }

    private final class Bucket {
        private final Instant start;
        private final Map<String, LineCrossings> crossings = new LinkedHashMap<>();
        private final Map<String, ZoneOccupancy> peaks = new LinkedHashMap<>();
        private int frames;
        private long sumCount;
        private int maxCount;

        Bucket(Instant start) {
            this.start = start;
        }

        void add(FrameResult frame) {
            frames++;
            sumCount += frame.count();
            maxCount = Math.max(maxCount, frame.count());
            for (LineCrossings c : frame.crossed()) {
                crossings.merge(c.line(), c, LineCrossings::plus);
            }
            for (ZoneOccupancy z : frame.occupancy()) {
                peaks.merge(z.zone(), z, (a, b) -> a.occupancy() >= b.occupancy() ? a : b);
            }
        }

        IntervalAggregate aggregate() {
            return new IntervalAggregate(
                    start,
                    interval,
                    frames,
                    sumCount / (double) frames,
                    maxCount,
                    List.copyOf(crossings.values()),
                    List.copyOf(peaks.values()));
        }
    }
}
