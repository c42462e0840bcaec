package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;

/**
 * A directed line segment that people are counted across, in original image pixels.
 *
 * <p>Its direction defines the sides: stand on {@code from}, look towards {@code to}; {@code in}
 * counts people who cross from the left-hand side to the right-hand side, {@code out} the other
 * way. On the screen, with y growing downwards, a line drawn from top to bottom therefore has its
 * left-hand side on the right of the screen (for the line from (400, 0) to (400, 576), {@code in}
 * is walking from x &gt; 400 to x &lt; 400), and a line drawn from left to right has its left-hand
 * side above it ({@code in} is walking downwards). Reversing the line swaps in and out.
 */
public record CountingLine(String name, Point from, Point to) {

    public CountingLine {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("A counting line needs a name.");
        }
        if (from == null || to == null) {
            throw new InvalidRequestException("Counting line '" + name + "' needs two points.");
        }
        if (from.equals(to)) {
            throw new InvalidRequestException(
                    "Counting line '"
                            + name
                            + "' starts and ends at the same point ("
                            + from.x()
                            + ", "
                            + from.y()
                            + "); it needs two different points.");
        }
    }

    /**
     * Distance of {@code p} from the infinite line through both points, positive on the right-hand
     * side and negative on the left-hand side (see the class comment), zero on the line.
     */
    public double signedDistance(Point p) {
        return Geometry.cross(from, to, p) / Math.hypot(to.x() - from.x(), to.y() - from.y());
    }

    /** Whether the step from {@code a} to {@code b} touches the segment between the two points. */
    boolean crossedBy(Point a, Point b) {
        return Geometry.segmentsIntersect(a, b, from, to);
    }
}
