package de.kihub.services.imaging;

import de.kihub.registry.error.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG and PNG images from memory. The header is read first: other formats, empty or broken
 * data and images larger than the pixel budget are refused before decoding.
 */
public final class ImageDecoder {
    /** Formats a camera or a person's upload sends; everything else is refused. */
    static final Set<String> FORMATS = Set.of("jpeg", "png");

    private final int maxSide;
    private final long maxPixels;

    /** What an image's header says: its format ({@code jpeg} or {@code png}) and size. */
    public record Header(String format, int width, int height) {}

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
        // in memory: ImageIO's default would cache the upload in a temporary file
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
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
                String problem = sizeProblem(reader.getWidth(0), reader.getHeight(0));
                if (problem != null) {
                    throw new InvalidRequestException("The image " + problem + ".");
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

    /**
     * Reads only as much of {@code content} as the header needs (the caller closes it) and checks
     * format and size as {@link #decode} does, without decoding pixels: cheap enough for every
     * image of a large dataset. The message of a refusal is a clause to follow the image's name,
     * such as "is not a JPEG or PNG image".
     */
    public Header header(InputStream content) {
        // a memory cache: ImageIO's default file cache would write temporary files
        try (ImageInputStream in = new MemoryCacheImageInputStream(content)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidRequestException("is not a JPEG or PNG image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new InvalidRequestException(
                            "is a "
                                    + format.toUpperCase(Locale.ROOT)
                                    + " image; only JPEG and PNG are accepted");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                String problem = sizeProblem(width, height);
                if (problem != null) {
                    throw new InvalidRequestException(problem);
                }
                return new Header(format, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            throw new InvalidRequestException(
                    "has a broken image header (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String sizeProblem(int width, int height) {
        if (width <= 0
                || height <= 0
                || width > maxSide
                || height > maxSide
                || (long) width * height > maxPixels) {
            return "claims "
                    + width
                    + "x"
                    + height
                    + " pixels; at most "
                    + maxSide
                    + " per side and "
                    + maxPixels / 1_000_000
                    + " megapixels are accepted";
        }
        return null;
    }
}
