package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;

/** A point in pixels of the original image; x grows to the right and y grows downwards. */
public record Point(double x, double y) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InvalidRequestException(
                    "A point needs finite coordinates, got (" + x + ", " + y + ").");
        }
    }
}
