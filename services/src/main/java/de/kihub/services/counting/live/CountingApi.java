package de.kihub.services.counting.live;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The records the counting endpoints exchange (request and response bodies). */
public final class CountingApi {
    private CountingApi() {}

    /** A single-image answer: the count and the boxes, returned to the caller and never stored. */
    public record Prediction(int count, List<Found> detections) {}

    /** One person: box [x, y, width, height] in image pixels and the detector's score. */
    public record Found(double[] box, float score) {}

    /**
     * What a camera's session counts. Optional: {@code scoreThreshold} (default 0.45), {@code
     * minBoxSize} (pixels, smaller boxes are ignored) and {@code regionOfInterest} (a polygon; only
     * people standing inside it are counted).
     */
    public record SessionSpec(
            List<LineSpec> lines,
            List<ZoneSpec> zones,
            Float scoreThreshold,
            Double minBoxSize,
            List<double[]> regionOfInterest) {}

    /** A counting line from one point to another; "in" is left to right seen from {@code from}. */
    public record LineSpec(String name, double[] from, double[] to) {}

    /** A zone whose occupancy is reported. */
    public record ZoneSpec(String name, List<double[]> polygon) {}

    /** A session's running totals. */
    public record SessionState(
            UUID id,
            String model,
            String version,
            int frames,
            List<LineTotal> lines,
            List<ZoneState> zones,
            Instant lastFrameAt) {}

    public record LineTotal(String name, int in, int out) {}

    public record ZoneState(String name, int occupancy) {}

    /** One stored interval: the only thing counting ever persists. */
    public record Interval(
            Instant start,
            int seconds,
            int frames,
            double meanCount,
            int maxCount,
            List<LineTotal> lines,
            List<ZoneState> peakOccupancy) {}
}
