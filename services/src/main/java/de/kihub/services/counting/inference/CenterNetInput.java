package de.kihub.services.counting.inference;

import de.kihub.services.counting.CenterNetDecoder;
import de.kihub.services.counting.Letterbox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * CenterNet's input: the frame letterboxed into 512x512 (bilinear, black margins), RGB values 0 to
 * 255, channels last. The graph has no normalisation of its own: the training code's division by
 * 255 is folded into the first convolution's weights. The model author's own inference code fits
 * the frame without distortion like this, and on PETS09 it counts better than stretching.
 *
 * <p>Like {@link NanoDetInput}, an instance keeps its image and its tensor (3 MiB, off the Java
 * heap) for all frames of one predictor instead of allocating humongous arrays per request. Not
 * thread-safe; the tensor is valid until the next {@link #fill}.
 */
final class CenterNetInput {
    static final int SIZE = CenterNetDecoder.INPUT_SIZE;

    private final BufferedImage boxed = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
    private final byte[] bgr = ((DataBufferByte) boxed.getRaster().getDataBuffer()).getData();

    /** Direct and in native order, so ONNX Runtime reads it in place instead of copying it. */
    private final FloatBuffer rgb =
            ByteBuffer.allocateDirect(bgr.length * Float.BYTES)
                    .order(ByteOrder.nativeOrder())
                    .asFloatBuffer();

    /** The frame as the model's input tensor (1x512x512x3), in this instance's buffer. */
    FloatBuffer fill(BufferedImage image) {
        Letterbox placement = Letterbox.of(image.getWidth(), image.getHeight(), SIZE);
        // black, as a new image is: the margins must be, and nothing of the last frame may remain
        Arrays.fill(bgr, (byte) 0);
        Graphics2D g = boxed.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(
                    image,
                    placement.left(),
                    placement.top(),
                    placement.placedWidth(),
                    placement.placedHeight(),
                    null);
        } finally {
            g.dispose();
        }
        for (int i = 0; i < bgr.length; i += 3) {
            rgb.put(i, bgr[i + 2] & 0xff);
            rgb.put(i + 1, bgr[i + 1] & 0xff);
            rgb.put(i + 2, bgr[i] & 0xff);
        }
        return rgb.rewind();
    }

    /** The tensor in a new array (for the TensorFlow reference and tests). */
    static float[] tensor(BufferedImage image) {
        CenterNetInput input = new CenterNetInput();
        float[] copy = new float[input.bgr.length];
        input.fill(image).get(0, copy);
        return copy;
    }
}
