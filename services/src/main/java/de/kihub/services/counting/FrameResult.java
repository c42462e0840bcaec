package de.kihub.services.counting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one frame added up to. Transient: it carries no boxes and no track ids.
 *
 * @param captureTime when the camera took the frame
 * @param count persons detected in the frame
 * @param crossed crossings per line that happened in this frame, in the session's line order
 * @param totals crossings per line since the session started
 * @param occupancy confirmed tracks per zone in this frame, in the session's zone order
 */
public record FrameResult(
        Instant captureTime,
        int count,
        List<LineCrossings> crossed,
        List<LineCrossings> totals,
        List<ZoneOccupancy> occupancy) {

    public FrameResult {
        Objects.requireNonNull(captureTime, "captureTime");
        crossed = List.copyOf(crossed);
        totals = List.copyOf(totals);
        occupancy = List.copyOf(occupancy);
    }
}
