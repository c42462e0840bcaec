package de.kihub.services.counting;

import java.util.Objects;

/** One person found in one frame, with the detector's confidence in [0, 1]. */
public record Detection(Box box, float score) {
    public Detection {
        Objects.requireNonNull(box, "box");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("A detection score lies in [0, 1], got " + score);
        }
    }
}
