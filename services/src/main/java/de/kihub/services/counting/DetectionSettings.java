package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;

/**
 * What the detector keeps of a frame.
 *
 * @param scoreThreshold minimum person score, in (0, 1)
 * @param nmsIou two boxes overlapping by more than this intersection over union are taken for the
 *     same person and only the higher-scoring one is kept; in (0, 1)
 * @param minBoxSize minimum width and height in original pixels, 0 keeps every size
 * @param roi region of interest: a detection is kept only if its foot point lies inside this
 *     polygon; {@code null} keeps the whole image
 */
public record DetectionSettings(
        float scoreThreshold, float nmsIou, double minBoxSize, List<Point> roi) {

    /** About the best threshold for NanoDet-m on PETS09-S2L1 (mean absolute count error 0.5). */
    public static final float DEFAULT_SCORE_THRESHOLD = 0.45f;

    /**
     * NanoDet's own config suppresses at 0.6, but the reference runs whose counts the hub is
     * measured against (shared/reference NanoDetTf, OpenCV {@code NMSBoxes}) use 0.5, so this keeps
     * their numbers reproducible.
     */
    public static final float DEFAULT_NMS_IOU = 0.5f;

    public DetectionSettings {
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new InvalidRequestException(
                    "The score threshold must lie strictly between 0 and 1, got "
                            + scoreThreshold
                            + ".");
        }
        if (!(nmsIou > 0 && nmsIou < 1)) {
            throw new InvalidRequestException(
                    "The overlap (IoU) threshold for duplicate boxes must lie strictly between 0"
                            + " and 1, got "
                            + nmsIou
                            + ".");
        }
        if (!(minBoxSize >= 0) || !Double.isFinite(minBoxSize)) {
            throw new InvalidRequestException(
                    "The minimum box size must be 0 or more pixels, got " + minBoxSize + ".");
        }
        roi = roi == null ? null : Geometry.polygon(roi, "The region of interest");
    }

    /** Defaults: threshold 0.45, IoU 0.5, every box size, the whole image. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_SCORE_THRESHOLD, DEFAULT_NMS_IOU, 0, null);
    }

    boolean bigEnough(Box box) {
        return box.w() >= minBoxSize && box.h() >= minBoxSize;
    }

    /** Whether the box's foot point lies in the region of interest (always, without one). */
    public boolean inRegion(Box box) {
        return roi == null || Geometry.inside(roi, box.footPoint());
    }
}
