package de.kihub.services.modelimport;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * NanoDet-m's preprocessing: resize to 416x416 (bilinear), BGR, (v - mean) / std per channel, NCHW
 * planes. Both engines get the very same array, so decoder differences do not matter here.
 */
final class NanoDetInput {
    static final int SIZE = 416;
    static final long[] SHAPE = {1, 3, SIZE, SIZE};
    private static final float[] MEAN = {103.53f, 116.28f, 123.675f};
    private static final float[] STD = {57.375f, 57.12f, 58.395f};

    private NanoDetInput() {}

    static float[] of(Path image) throws IOException {
        BufferedImage source = ImageIO.read(image.toFile());
        if (source == null) {
            throw new IOException("ImageIO cannot decode " + image);
        }
        BufferedImage resized = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, SIZE, SIZE, null);
        g.dispose();
        // TYPE_3BYTE_BGR keeps each pixel as the bytes B, G, R: the channel order NanoDet wants
        byte[] bgr = ((DataBufferByte) resized.getRaster().getDataBuffer()).getData();
        int plane = SIZE * SIZE;
        float[] input = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                input[c * plane + i] = ((bgr[i * 3 + c] & 0xff) - MEAN[c]) / STD[c];
            }
        }
        return input;
    }
}
