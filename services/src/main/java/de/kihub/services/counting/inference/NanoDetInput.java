package de.kihub.services.counting.inference;

import de.kihub.services.counting.NanoDetDecoder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * NanoDet-m's input: the frame resized to 416x416 (bilinear), BGR, normalised with the training
 * means and standard deviations, channels first.
 *
 * <p>An instance keeps its 416x416 image and its tensor (2 MiB, off the Java heap) and fills them
 * anew for every frame, so one predictor's requests allocate neither: a new 2 MiB {@code float[]}
 * per frame is a humongous object for G1 with WildFly's default heap (regions of 1 MiB), and those
 * started a concurrent marking cycle again and again under load (docs/benchmarks.md, "Predict
 * throughput"). Not thread-safe: one instance per predictor, and the tensor is valid until the next
 * {@link #fill}.
 */
final class NanoDetInput {
    static final int SIZE = NanoDetDecoder.INPUT_SIZE;
    private static final int PLANE = SIZE * SIZE;
    private static final float[] MEAN = {103.53f, 116.28f, 123.675f};
    private static final float[] STD = {57.375f, 57.12f, 58.395f};

    private final BufferedImage resized =
            new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
    private final byte[] bgr = ((DataBufferByte) resized.getRaster().getDataBuffer()).getData();

    /** Direct and in native order, so ONNX Runtime reads it in place instead of copying it. */
    private final FloatBuffer chw =
            ByteBuffer.allocateDirect(3 * PLANE * Float.BYTES)
                    .order(ByteOrder.nativeOrder())
                    .asFloatBuffer();

    /** The frame as the model's input tensor (1x3x416x416), in this instance's buffer. */
    FloatBuffer fill(BufferedImage image) {
        // black first, as a new image would be: a transparent PNG must not show the last frame
        Arrays.fill(bgr, (byte) 0);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, SIZE, SIZE, null);
        } finally {
            g.dispose();
        }
        for (int c = 0; c < 3; c++) {
            float mean = MEAN[c];
            float std = STD[c];
            int offset = c * PLANE;
            for (int p = 0; p < PLANE; p++) {
                chw.put(offset + p, ((bgr[3 * p + c] & 0xff) - mean) / std);
            }
        }
        return chw.rewind();
    }

    /** The tensor in a new array (for the TensorFlow reference and tests). */
    static float[] tensor(BufferedImage image) {
        float[] copy = new float[3 * PLANE];
        new NanoDetInput().fill(image).get(0, copy);
        return copy;
    }
}
