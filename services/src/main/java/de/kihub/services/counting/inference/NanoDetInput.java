package de.kihub.services.counting.inference;

import de.kihub.services.counting.NanoDetDecoder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * NanoDet-m's input: the frame resized to 416x416 (bilinear), BGR, normalised with the training
 * means and standard deviations, channels first.
 */
final class NanoDetInput {
    static final int SIZE = NanoDetDecoder.INPUT_SIZE;
    private static final float[] MEAN = {103.53f, 116.28f, 123.675f};
    private static final float[] STD = {57.375f, 57.12f, 58.395f};

    private NanoDetInput() {}

    static float[] tensor(BufferedImage image) {
        BufferedImage resized = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, SIZE, SIZE, null);
        } finally {
            g.dispose();
        }
        byte[] bgr = ((DataBufferByte) resized.getRaster().getDataBuffer()).getData();
        int plane = SIZE * SIZE;
        float[] chw = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = ((bgr[3 * p + c] & 0xff) - MEAN[c]) / STD[c];
            }
        }
        return chw;
    }
}
