package de.kihub.services.counting.inference;

import java.awt.image.BufferedImage;

/**
 * CenterNet's preprocessing as the detector does it, opened up for tests and the benchmark so that
 * TensorFlow is fed exactly the same input tensor as ONNX Runtime.
 */
public final class CenterNetTensors {
    public static final long[] SHAPE = {1, CenterNetInput.SIZE, CenterNetInput.SIZE, 3};

    private CenterNetTensors() {}

    /** Letterboxed into 512x512, RGB 0-255, NHWC. */
    public static float[] of(BufferedImage image) {
        return CenterNetInput.tensor(image);
    }
}
