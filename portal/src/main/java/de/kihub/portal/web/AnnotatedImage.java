package de.kihub.portal.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The "Try it" answer: the uploaded image with the found person boxes drawn in, as a PNG {@code
 * data:} address. It lives only in the page that shows it (the pages' CSP allows {@code img-src
 * data:}), so nothing of the upload is written anywhere.
 */
final class AnnotatedImage {
    /** The longer side of the picture shown; larger uploads are scaled down for the page. */
    static final int MAX_SIDE = 1280;

    /** Yellow boxes with a dark outline are visible on light and dark scenes alike. */
    private static final Color BOX = new Color(0xFF, 0xD7, 0x00);

    private static final Color OUTLINE = new Color(0x1A, 0x1A, 0x1A);

    private AnnotatedImage() {}

    /**
     * @param boxes {@code [x, y, width, height]} in the pixels of {@code image}
     */
    static String dataUrl(BufferedImage image, List<double[]> boxes) {
        return "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png(draw(image, boxes)));
    }

    static BufferedImage draw(BufferedImage image, List<double[]> boxes) {
        double scale =
                Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(image, 0, 0, width, height, null);
            float line = Math.max(2f, Math.max(width, height) / 320f);
            for (double[] b : boxes) {
                int x = clamp(b[0] * scale, width);
                int y = clamp(b[1] * scale, height);
                int w = clamp((b[0] + b[2]) * scale, width) - x;
                int h = clamp((b[1] + b[3]) * scale, height) - y;
                g.setColor(OUTLINE);
                g.setStroke(new BasicStroke(line * 2));
                g.drawRect(x, y, w, h);
                g.setColor(BOX);
                g.setStroke(new BasicStroke(line));
                g.drawRect(x, y, w, h);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int clamp(double value, int limit) {
        return (int) Math.round(Math.max(0, Math.min(limit - 1, value)));
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // in memory: ImageIO's default would cache the output in a temporary file
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
