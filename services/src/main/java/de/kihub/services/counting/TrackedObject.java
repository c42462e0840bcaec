package de.kihub.services.counting;

import java.util.Objects;

/**
 * A confirmed track seen in the current frame.
 *
 * @param id unique within one tracker, never stored
 * @param box the smoothed box in this frame
 * @param start the foot point of the track's first detection, so that a line crossed while the
 *     track was not yet confirmed still counts
 */
public record TrackedObject(long id, Box box, Point start) {
    public TrackedObject {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(start, "start");
    }
}
