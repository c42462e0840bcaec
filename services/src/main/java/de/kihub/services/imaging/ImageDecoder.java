package de.kihub.services.imaging;

import de.kihub.registry.error.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG and PNG images from memory. The header is read first: other formats, empty or broken
 * data and images larger than the pixel budget are refused before decoding.
 */
public final class ImageDecoder {
    /** Formats a camera or a person's upload sends; everything else is refused. */
    static final Set<String> FORMATS = Set.of("jpeg", "png");

    private final int maxSide;
    private final long maxPixels;

    public ImageDecoder(int maxSide, long maxPixels) {
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    /** 8192 pixels per side and 40 megapixels: every camera, never a decompression bomb. */
    public static ImageDecoder defaults() {
        return new ImageDecoder(8192, 40_000_000L);
    }

    public BufferedImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRequestException("The request has no image: send JPEG or PNG bytes.");
        }
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidRequestException(
                        "The body is not an image: send JPEG or PNG bytes.");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new InvalidRequestException(
                            "Image format " + format + " is not supported: send JPEG or PNG.");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0
                        || height <= 0
                        || width > maxSide
                        || height > maxSide
                        || (long) width * height > maxPixels) {
                    throw new InvalidRequestException(
                            "The image claims "
                                    + width
                                    + "x"
                                    + height
                                    + " pixels; at most "
                                    + maxSide
                                    + " per side and "
                                    + maxPixels / 1_000_000
                                    + " megapixels are accepted.");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidRequestException("The image could not be decoded.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            throw new InvalidRequestException(
                    "The image could not be decoded (" + e.getClass().getSimpleName() + ").");
        }
    }
}
