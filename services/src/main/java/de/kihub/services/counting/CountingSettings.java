package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a counting session follows and counts people.
 *
 * @param tracker the tracker's settings
 * @param lineDeadBand pixels a foot point must be away from a counting line to be on one of its
 *     sides (see {@link LineCounter}); about the foot point's frame-to-frame jitter
 * @param interval length of one stored aggregate
 */
public record CountingSettings(TrackerSettings tracker, double lineDeadBand, Duration interval) {

    /**
     * Measured on PETS09-S2L1 (768x576) with simulated detector jitter: 3 px let jitter of 4 px
     * count extra crossings, 8 px and more missed people who only just crossed; 5 px did neither.
     */
    public static final double DEFAULT_LINE_DEAD_BAND = 5;

    public CountingSettings {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(interval, "interval");
        if (!(lineDeadBand >= 0) || !Double.isFinite(lineDeadBand)) {
            throw new InvalidRequestException(
                    "The dead band around counting lines must be 0 or more pixels, got "
                            + lineDeadBand
                            + ".");
        }
    }

    /** The tracker's defaults, a 5 pixel dead band, one-minute aggregates. */
    public static CountingSettings defaults() {
        return new CountingSettings(
                TrackerSettings.defaults(), DEFAULT_LINE_DEAD_BAND, Aggregator.DEFAULT_INTERVAL);
    }
}
