package de.kihub.services.counting.inference;

import de.kihub.services.counting.CenterNetDecoder;
import de.kihub.services.counting.Letterbox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * CenterNet's input: the frame letterboxed into 512x512 (bilinear, black margins), RGB values 0 to
 * 255, channels last. The graph has no normalisation of its own: the training code's division by
 * 255 is folded into the first convolution's weights. The model author's own inference code fits
 * the frame without distortion like this, and on PETS09 it counts better than stretching.
 */
final class CenterNetInput {
    static final int SIZE = CenterNetDecoder.INPUT_SIZE;

    private CenterNetInput() {}

    static float[] tensor(BufferedImage image) {
        Letterbox placement = Letterbox.of(image.getWidth(), image.getHeight(), SIZE);
        // a new image is black, which is what the margins must be
        BufferedImage boxed = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
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
        byte[] bgr = ((DataBufferByte) boxed.getRaster().getDataBuffer()).getData();
        float[] rgb = new float[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2] & 0xff;
            rgb[i + 1] = bgr[i + 1] & 0xff;
            rgb[i + 2] = bgr[i] & 0xff;
        }
        return rgb;
    }
}
