package de.kihub.services.counting.live;

import de.kihub.registry.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The records the counting endpoints exchange (request and response bodies). */
public final class CountingApi {
    private CountingApi() {}

    /** The deployment a session or a count belongs to, as the counting code needs it. */
    public record DeploymentRef(UUID id, TenantId tenant, String model, String version) {}

    /** A single-image answer: the count and the boxes, returned to the caller and never stored. */
    public record Prediction(int count, List<Found> detections) {}

    /** One person: box [x, y, width, height] in image pixels and the detector's score. */
    public record Found(double[] box, float score) {}

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

    /**
     * A deployment's stored aggregates over a time range, regrouped into {@code interval}-long
     * buckets (all its cameras together), and the line totals over the whole range.
     */
    public record Counts(
            UUID deployment,
            Instant from,
            Instant to,
            String interval,
            List<Interval> buckets,
            List<LineTotal> lineTotals) {}

    /**
     * One stored interval: the only thing counting ever persists. In a regrouped bucket {@code
     * meanCount} is the mean per camera frame, {@code maxCount} the largest single-frame count.
     */
    public record Interval(
            Instant start,
            int seconds,
            int frames,
            double meanCount,
            int maxCount,
            List<LineTotal> lines,
            List<ZoneState> peakOccupancy) {}
}
