package de.kihub.services.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns MobileNetV3-CenterNet's {@code tower_0/detections} output into person detections in
 * original image coordinates.
 *
 * <p>The model sees the frame letterboxed into 512x512 ({@link Letterbox}) and predicts, on a
 * 128x128 grid (stride 4), a heat map of 80 class scores (through a sigmoid) and four edge
 * distances per cell. Its graph already decodes them: a 3x3 max-pool keeps only local peaks of the
 * heat map, the 100 highest peaks over all classes become rows of {@code x1, y1, x2, y2, score,
 * class} in input pixels (box edges = cell position x 4 -/+ the distances). This keeps the rows of
 * class 0 (person) at or above the score threshold, maps them back to the frame and, since peaks of
 * neighbouring cells can still describe one person, applies the same suppression as for NanoDet.
 */
public final class CenterNetDecoder {
    public static final int INPUT_SIZE = 512;

    /** Rows the graph's top-k gives, each x1, y1, x2, y2, score, class. */
    public static final int ROWS = 100;

    private static final int ROW = 6;
    private static final int PERSON = 0;

    private final DetectionSettings settings;

    public CenterNetDecoder(DetectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Decodes one frame.
     *
     * @param detections the model's {@code tower_0/detections} output (1 x 100 x 6) flattened
     * @param imageWidth width of the original frame that was letterboxed into the input
     * @param imageHeight its height
     * @return the persons found, highest score first
     */
    public List<Detection> decode(float[] detections, int imageWidth, int imageHeight) {
        if (detections == null || detections.length != ROWS * ROW) {
            throw new IllegalArgumentException(
                    "CenterNet's detections should hold 1x"
                            + ROWS
                            + "x"
                            + ROW
                            + " = "
                            + ROWS * ROW
                            + " values, got "
                            + (detections == null ? "none" : detections.length));
        }
        Letterbox placement = Letterbox.of(imageWidth, imageHeight, INPUT_SIZE);
        List<Detection> candidates = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            int at = row * ROW;
            float score = detections[at + 4];
            if (detections[at + 5] != PERSON || !(score >= settings.scoreThreshold())) {
                continue;
            }
            double[] corners = new double[4];
            for (int i = 0; i < 4; i++) {
                corners[i] = detections[at + i];
            }
            if (!Double.isFinite(corners[0] + corners[1] + corners[2] + corners[3])) {
                continue;
            }
            Box box =
                    Box.ofCorners(
                                    placement.frameX(corners[0]),
                                    placement.frameY(corners[1]),
                                    placement.frameX(Math.max(corners[0], corners[2])),
                                    placement.frameY(Math.max(corners[1], corners[3])))
                            .clippedTo(imageWidth, imageHeight);
            // a box that lies wholly in the black margin shows nothing of the frame
            if (box.area() > 0) {
                candidates.add(new Detection(box, Math.min(score, 1f)));
            }
        }
        // as for NanoDet: size before suppression, region after it
        List<Detection> sized =
                candidates.stream().filter(d -> settings.bigEnough(d.box())).toList();
        return NonMaximumSuppression.apply(sized, settings.nmsIou()).stream()
                .filter(d -> settings.inRegion(d.box()))
                .toList();
    }
}
