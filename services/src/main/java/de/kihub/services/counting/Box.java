package de.kihub.services.counting;

/**
 * An axis-aligned box in pixels of the original image: left edge {@code x}, top edge {@code y},
 * width {@code w} and height {@code h}.
 */
public record Box(double x, double y, double w, double h) {
    public Box {
        boolean finite =
                Double.isFinite(x)
                        && Double.isFinite(y)
                        && Double.isFinite(w)
                        && Double.isFinite(h);
        if (!finite || w < 0 || h < 0) {
            throw new IllegalArgumentException(
                    "A box needs finite coordinates and a size of 0 or more, got x "
                            + x
                            + ", y "
                            + y
                            + ", w "
                            + w
                            + ", h "
                            + h);
        }
    }

    public static Box ofCorners(double left, double top, double right, double bottom) {
        return new Box(left, top, right - left, bottom - top);
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double area() {
        return w * h;
    }

    /**
     * The bottom centre, where a standing person touches the ground: lines and zones are judged by
     * it because it moves on the ground plane, unlike the box centre, whose height above the ground
     * changes with the person's size in the image.
     */
    public Point footPoint() {
        return new Point(x + w / 2, y + h);
    }

    /** Intersection over union; 0 when either box is empty or they do not overlap. */
    public double iou(Box other) {
        double iw = Math.min(right(), other.right()) - Math.max(x, other.x);
        double ih = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double intersection = iw * ih;
        return intersection / (area() + other.area() - intersection);
    }

    /** This box cut to the image {@code [0, width] x [0, height]}; empty if it lies outside. */
    public Box clippedTo(double width, double height) {
        double left = clamp(x, width);
        double top = clamp(y, height);
        return ofCorners(
                left,
                top,
                Math.max(left, clamp(right(), width)),
                Math.max(top, clamp(bottom(), height)));
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(v, max));
    }
}
