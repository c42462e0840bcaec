package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;
import java.util.Objects;

/** Plane geometry in image coordinates (y grows downwards) shared by lines, zones and the ROI. */
final class Geometry {
    private Geometry() {}

    /**
     * The z component of {@code (b - a) x (p - a)}. In image coordinates, where y grows downwards,
     * it is positive when {@code p} lies to the right of the directed line from {@code a} to {@code
     * b} as seen by someone standing on {@code a} and looking towards {@code b}, negative to the
     * left and zero on the line. (In the usual y-up maths convention the signs swap.)
     */
    static double cross(Point a, Point b, Point p) {
        return (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
    }

    /** Whether the closed segments {@code p1 p2} and {@code q1 q2} share at least one point. */
    static boolean segmentsIntersect(Point p1, Point p2, Point q1, Point q2) {
        double d1 = Math.signum(cross(q1, q2, p1));
        double d2 = Math.signum(cross(q1, q2, p2));
        double d3 = Math.signum(cross(p1, p2, q1));
        double d4 = Math.signum(cross(p1, p2, q2));
        if (d1 * d2 < 0 && d3 * d4 < 0) {
            return true;
        }
        return d1 == 0 && onSegment(q1, q2, p1)
                || d2 == 0 && onSegment(q1, q2, p2)
                || d3 == 0 && onSegment(p1, p2, q1)
                || d4 == 0 && onSegment(p1, p2, q2);
    }

    /** For a point already known to be collinear with the segment: whether it lies within it. */
    private static boolean onSegment(Point a, Point b, Point p) {
        return p.x() >= Math.min(a.x(), b.x())
                && p.x() <= Math.max(a.x(), b.x())
                && p.y() >= Math.min(a.y(), b.y())
                && p.y() <= Math.max(a.y(), b.y());
    }

    /**
     * Even-odd rule (a horizontal ray to the right crosses the outline an odd number of times), so
     * self-intersecting outlines still have a defined inside. A point exactly on an edge may fall
     * on either side; for people that is a sub-pixel question that does not matter.
     */
    static boolean inside(List<Point> polygon, Point p) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            Point a = polygon.get(i);
            Point b = polygon.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y())
                    && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** A defensive copy of a polygon that encloses an area, or a message naming {@code what}. */
    static List<Point> polygon(List<Point> points, String what) {
        if (points == null || points.size() < 3) {
            throw new InvalidRequestException(
                    what
                            + " needs a polygon of at least 3 points, got "
                            + (points == null ? "none" : points.size())
                            + ".");
        }
        if (points.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException(what + " has a missing polygon point.");
        }
        List<Point> copy = List.copyOf(points);
        if (collinear(copy)) {
            throw new InvalidRequestException(
                    what + " has a polygon without area: its points lie on one line.");
        }
        return copy;
    }

    private static boolean collinear(List<Point> points) {
        Point a = points.get(0);
        Point b = points.stream().filter(p -> !p.equals(a)).findFirst().orElse(a);
        return points.stream().allMatch(p -> cross(a, b, p) == 0);
    }
}
