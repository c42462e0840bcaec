package de.kihub.services.counting;

/**
 * How a frame is fitted into a square model input without distorting it: scaled to fit, centred,
 * the rest left black. The detector's boxes come back in input pixels; this maps them back.
 *
 * @param size the input's side in pixels
 * @param width the frame's width
 * @param height the frame's height
 * @param placedWidth the scaled frame's width inside the input
 * @param placedHeight the scaled frame's height inside the input
 * @param left the black margin left of it
 * @param top the black margin above it
 */
public record Letterbox(
        int size, int width, int height, int placedWidth, int placedHeight, int left, int top) {

    /** The placement of a {@code width x height} frame in a {@code size x size} input. */
    public static Letterbox of(int width, int height, int size) {
        if (width <= 0 || height <= 0 || size <= 0) {
            throw new IllegalArgumentException(
                    "Image and input sizes must be positive, got "
                            + width
                            + "x"
                            + height
                            + " into "
                            + size);
        }
        double scale = Math.min(size / (double) width, size / (double) height);
        int placedWidth = (int) Math.max(1, Math.min(size, Math.round(width * scale)));
        int placedHeight = (int) Math.max(1, Math.min(size, Math.round(height * scale)));
        return new Letterbox(
                size,
                width,
                height,
                placedWidth,
                placedHeight,
                (size - placedWidth) / 2,
                (size - placedHeight) / 2);
    }

    /** An x coordinate of the input in frame pixels. */
    public double frameX(double inputX) {
        return (inputX - left) * width / placedWidth;
    }

    /** A y coordinate of the input in frame pixels. */
    public double frameY(double inputY) {
        return (inputY - top) * height / placedHeight;
    }
}
