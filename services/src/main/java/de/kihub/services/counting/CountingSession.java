package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Counting for one camera: tracks the detections of each frame, counts line crossings and zone
 * occupancy, and collects finished {@link IntervalAggregate}s for storing. Holds no images, and
 * forgets tracks as soon as the tracker ends them. Frames must come in capture order from one
 * thread.
 */
public final class CountingSession {
    private final Tracker tracker;
    private final List<LineCounter> lines;
    private final List<Zone> zones;
    private final Aggregator aggregator;
    private final List<IntervalAggregate> finished = new ArrayList<>();

    public CountingSession(List<CountingLine> lines, List<Zone> zones, CountingSettings settings) {
        requireUniqueNames(lines, CountingLine::name, "counting line");
        requireUniqueNames(zones, Zone::name, "zone");
        this.tracker = new Tracker(settings.tracker());
        this.lines = lines.stream().map(l -> new LineCounter(l, settings.lineDeadBand())).toList();
        this.zones = List.copyOf(zones);
        this.aggregator = new Aggregator(settings.interval());
    }

    /** Takes the person detections of the next frame. */
    public FrameResult accept(List<Detection> detections, Instant captureTime) {
        Objects.requireNonNull(captureTime, "captureTime");
        List<TrackedObject> tracks = tracker.update(detections);
        Set<Long> live = tracker.liveTrackIds();
        List<LineCrossings> crossed = new ArrayList<>();
        List<LineCrossings> totals = new ArrayList<>();
        for (LineCounter counter : lines) {
            crossed.add(counter.update(tracks));
            counter.retainTracks(live);
            totals.add(counter.totals());
        }
        List<ZoneOccupancy> occupancy =
                zones.stream().map(z -> new ZoneOccupancy(z.name(), z.occupancy(tracks))).toList();
        FrameResult result =
                new FrameResult(captureTime, detections.size(), crossed, totals, occupancy);
        aggregator.add(result).ifPresent(finished::add);
        return result;
    }

    /** The intervals finished since the last call, oldest first; the session forgets them. */
    public List<IntervalAggregate> takeFinishedIntervals() {
        List<IntervalAggregate> taken = List.copyOf(finished);
        finished.clear();
        return taken;
    }

    /**
     * For the end of a stream: finishes the open interval early and returns it after any finished
     * intervals not taken yet, oldest first.
     */
    public List<IntervalAggregate> flush() {
        aggregator.flush().ifPresent(finished::add);
        return takeFinishedIntervals();
    }

    private static <T> void requireUniqueNames(
            List<T> items, Function<T, String> name, String what) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(name.apply(Objects.requireNonNull(item, what)))) {
                throw new InvalidRequestException(
                        "Two of this camera's "
                                + what
                                + "s are called '"
                                + name.apply(item)
                                + "'; names must be unique.");
            }
        }
    }
}
