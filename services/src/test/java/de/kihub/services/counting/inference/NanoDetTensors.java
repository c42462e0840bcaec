package de.kihub.services.counting.inference;

import java.awt.image.BufferedImage;

/**
 * The detector's own preprocessing, opened up for the benchmark so that the TensorFlow reference is
 * fed exactly the same input tensor as ONNX Runtime.
 */
public final class NanoDetTensors {
    public static final long[] SHAPE = {1, 3, NanoDetInput.SIZE, NanoDetInput.SIZE};

    private NanoDetTensors() {}

    /** 416x416, BGR, normalised, NCHW. */
    public static float[] of(BufferedImage image) {
        return NanoDetInput.tensor(image);
    }
}
