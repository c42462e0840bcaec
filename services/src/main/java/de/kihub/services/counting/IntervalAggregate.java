package de.kihub.services.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One interval of one camera reduced to numbers: the only counting result meant to be stored, so it
 * holds nothing that could single out a person (no boxes, no track ids, no images).
 *
 * @param start the interval's start, a multiple of its length since the epoch
 * @param length the interval's length
 * @param frames frames that fell into the interval
 * @param meanCount mean persons detected per frame
 * @param maxCount most persons detected in one frame
 * @param crossings crossings per line and direction during the interval
 * @param peakOccupancy highest occupancy per zone during the interval
 */
public record IntervalAggregate(
        Instant start,
        Duration length,
        int frames,
        double meanCount,
        int maxCount,
        List<LineCrossings> crossings,
        List<ZoneOccupancy> peakOccupancy) {

    public IntervalAggregate {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        crossings = List.copyOf(crossings);
        peakOccupancy = List.copyOf(peakOccupancy);
    }
}
