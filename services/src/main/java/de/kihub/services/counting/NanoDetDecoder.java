package de.kihub.services.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns NanoDet-m's six raw outputs into person detections in original image coordinates.
 *
 * <p>The model sees a 416x416 resize of the frame and has GFL heads at strides 8, 16 and 32. Per
 * stride, one output holds 80 class scores per grid cell (already passed through a sigmoid) and one
 * holds 4 x 11 distance logits per cell: for the left, top, right and bottom edge, a softmax over
 * 11 bins whose expectation, times the stride, is the edge's distance from the cell centre.
 */
public final class NanoDetDecoder {
    public static final int INPUT_SIZE = 416;

    private static final int[] STRIDES = {8, 16, 32};
    private static final int CLASSES = 80;
    private static final int PERSON = 0;
    private static final int BINS = 11;
    private static final int SIDES = 4;

    private final DetectionSettings settings;

    public NanoDetDecoder(DetectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Decodes one frame.
     *
     * @param outputs the model outputs in the order {@code Identity} ... {@code Identity_5}: class
     *     scores for strides 8, 16, 32 (cells x 80), then distance logits for strides 8, 16, 32
     *     (cells x 44), each flattened row-major
     * @param imageWidth width of the original frame the 416x416 input was resized from
     * @param imageHeight its height
     * @return the persons found, highest score first
     */
    public List<Detection> decode(List<float[]> outputs, int imageWidth, int imageHeight) {
        return decodeOutputs(outputs, imageWidth, imageHeight, NanoDetDecoder::flat);
    }

    /**
     * Decodes one frame from outputs read row by row, as ONNX Runtime hands them over without one
     * large array per output (see {@code NanoDetTranslator}); the detections are exactly those of
     * {@link #decode} on the same values flattened.
     *
     * @param outputs the six outputs as in {@link #decode}, each one row per grid cell (cells x 80
     *     class scores or cells x 44 distance logits)
     */
    public List<Detection> decodeRows(List<float[][]> outputs, int imageWidth, int imageHeight) {
        return decodeOutputs(outputs, imageWidth, imageHeight, NanoDetDecoder::rows);
    }

    /** Checks one output's size and gives access to it by grid cell. */
    private interface Reader<T> {
        Output read(T output, int cells, int perCell, String name);
    }

    /** One output: {@code perCell} values for each grid cell. */
    private interface Output {
        float at(int cell, int index);
    }

    private <T> List<Detection> decodeOutputs(
            List<T> outputs, int imageWidth, int imageHeight, Reader<T> reader) {
        if (outputs.size() != 2 * STRIDES.length) {
            throw new IllegalArgumentException(
                    "NanoDet has 6 outputs (3 class, 3 box), got " + outputs.size());
        }
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException(
                    "Image size must be positive, got " + imageWidth + "x" + imageHeight);
        }
        List<Detection> candidates = new ArrayList<>();
        for (int level = 0; level < STRIDES.length; level++) {
            int grid = INPUT_SIZE / STRIDES[level];
            int cells = grid * grid;
            decodeLevel(
                    STRIDES[level],
                    reader.read(outputs.get(level), cells, CLASSES, name(level, STRIDES[level])),
                    reader.read(
                            outputs.get(level + 3),
                            cells,
                            SIDES * BINS,
                            name(level + 3, STRIDES[level])),
                    imageWidth,
                    imageHeight,
                    candidates);
        }
        // too small boxes go before suppression so that they cannot suppress a box that is kept;
        // the region goes after it so a person on its border is judged by the best box only
        List<Detection> sized =
                candidates.stream().filter(d -> settings.bigEnough(d.box())).toList();
        return NonMaximumSuppression.apply(sized, settings.nmsIou()).stream()
                .filter(d -> settings.inRegion(d.box()))
                .toList();
    }

    private void decodeLevel(
            int stride, Output cls, Output reg, int width, int height, List<Detection> out) {
        int grid = INPUT_SIZE / stride;
        double scaleX = width / (double) INPUT_SIZE;
        double scaleY = height / (double) INPUT_SIZE;
        double[] distance = new double[SIDES];
        for (int cell = 0; cell < grid * grid; cell++) {
            float score = cls.at(cell, PERSON);
            if (!(score >= settings.scoreThreshold())) {
                continue;
            }
            for (int side = 0; side < SIDES; side++) {
                distance[side] = expectedBin(reg, cell, side * BINS) * stride;
            }
            double cx = (cell % grid + 0.5) * stride;
            double cy = (cell / grid + 0.5) * stride;
            Box box =
                    Box.ofCorners(
                                    (cx - distance[0]) * scaleX,
                                    (cy - distance[1]) * scaleY,
                                    (cx + distance[2]) * scaleX,
                                    (cy + distance[3]) * scaleY)
                            .clippedTo(width, height);
            out.add(new Detection(box, score));
        }
    }

    /** Softmax over the cell's bins from {@code offset}, then its expectation over 0 ... 10. */
    private static double expectedBin(Output logits, int cell, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < BINS; b++) {
            max = Math.max(max, logits.at(cell, offset + b));
        }
        // subtracting the maximum keeps exp() from overflowing on large logits
        double sum = 0;
        double weighted = 0;
        for (int b = 0; b < BINS; b++) {
            double e = Math.exp(logits.at(cell, offset + b) - max);
            sum += e;
            weighted += e * b;
        }
        return weighted / sum;
    }

    private static Output flat(float[] output, int cells, int perCell, String name) {
        if (output == null || output.length != cells * perCell) {
            throw wrongSize(name, cells, perCell, output == null ? "none" : "" + output.length);
        }
        return (cell, index) -> output[cell * perCell + index];
    }

    private static Output rows(float[][] output, int cells, int perCell, String name) {
        if (output == null || output.length != cells) {
            throw wrongSize(
                    name, cells, perCell, output == null ? "none" : output.length + " rows");
        }
        for (float[] row : output) {
            if (row == null || row.length != perCell) {
                throw wrongSize(
                        name,
                        cells,
                        perCell,
                        "a row of " + (row == null ? "none" : "" + row.length));
            }
        }
        return (cell, index) -> output[cell][index];
    }

    private static IllegalArgumentException wrongSize(
            String name, int cells, int perCell, String got) {
        return new IllegalArgumentException(
                "NanoDet output "
                        + name
                        + " should hold 1x"
                        + cells
                        + "x"
                        + perCell
                        + " = "
                        + cells * perCell
                        + " values, got "
                        + got);
    }

    private static String name(int index, int stride) {
        return "Identity" + suffix(index) + " (stride " + stride + ")";
    }

    private static String suffix(int index) {
        return index == 0 ? "" : "_" + index;
    }
}
