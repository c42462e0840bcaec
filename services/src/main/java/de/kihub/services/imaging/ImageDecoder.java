package de.kihub.services.imaging;

import de.kihub.registry.error.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG and PNG images from memory. The header is read first: other formats, empty or broken
 * data and images larger than the pixel budget are refused before decoding.
 *
 * <p>{@link #decodeReusing} decodes into the pixels of an image a finished request gave back, if
 * one of the same size and type is free: a camera's frame (768x576 BGR: 1.3 MB) is a humongous
 * object for G1 with WildFly's default heap, and one per request started concurrent marking cycles
 * again and again under load (docs/benchmarks.md, "Predict throughput"). At most {@link
 * #POOL_BYTES} of pixels wait in the pool. Thread-safe.
 */
public final class ImageDecoder {
    /** Formats a camera or a person's upload sends; everything else is refused. */
    static final Set<String> FORMATS = Set.of("jpeg", "png");

    /** Pixels kept for reuse at most; larger images are never kept. */
    static final long POOL_BYTES = 16L << 20;

    private final int maxSide;
    private final long maxPixels;

    /** Images given back, most recent first; guarded by itself. */
    private final Deque<Pooled> pool = new ArrayDeque<>();

    private long pooledBytes;

    private record Pooled(BufferedImage image, ImageTypeSpecifier type, long bytes) {}

    /**
     * A decoded image, whose pixels a later {@link #decodeReusing} may overwrite once this is
     * closed: close it when the image is no longer read.
     */
    public final class Decoded implements AutoCloseable {
        private final BufferedImage image;
        private final ImageTypeSpecifier type;
        private boolean closed;

        private Decoded(BufferedImage image, ImageTypeSpecifier type) {
            this.image = image;
            this.type = type;
        }

        public BufferedImage image() {
            if (closed) {
                throw new IllegalStateException("the decoded image was given back");
            }
            return image;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                giveBack(image, type);
            }
        }
    }

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

    /** The image, in new pixels of its own. */
    public BufferedImage decode(byte[] bytes) {
        return read(bytes, false).image;
    }

    /**
     * The image, decoded into the pixels of a given-back image of the same size and type if there
     * is one; the same pixels as {@link #decode}. The caller closes the result when done.
     */
    public Decoded decodeReusing(byte[] bytes) {
        return read(bytes, true);
    }

    private Decoded read(byte[] bytes, boolean reuse) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRequestException("The request has no image: send JPEG or PNG bytes.");
        }
        try (ImageInputStream in = new BytesImageInputStream(bytes)) {
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
                String problem = sizeProblem(width, height);
                if (problem != null) {
                    throw new InvalidRequestException("The image " + problem + ".");
                }
                // the type read(0) would create: the reader's first
                ImageTypeSpecifier type = reuse ? reader.getImageTypes(0).next() : null;
                ImageReadParam param = reader.getDefaultReadParam();
                if (type != null) {
                    param.setDestination(take(type, width, height));
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new InvalidRequestException("The image could not be decoded.");
                }
                return new Decoded(image, type);
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

    /** A given-back image of this type and size, taken out of the pool, or null. */
    private BufferedImage take(ImageTypeSpecifier type, int width, int height) {
        synchronized (pool) {
            for (Iterator<Pooled> it = pool.iterator(); it.hasNext(); ) {
                Pooled p = it.next();
                if (p.image.getWidth() == width
                        && p.image.getHeight() == height
                        && p.type.equals(type)) {
                    it.remove();
                    pooledBytes -= p.bytes;
                    return p.image;
                }
            }
        }
        return null;
    }

    private void giveBack(BufferedImage image, ImageTypeSpecifier type) {
        if (type == null) {
            return;
        }
        long bytes = bytes(image);
        if (bytes > POOL_BYTES) {
            return;
        }
        synchronized (pool) {
            pool.addFirst(new Pooled(image, type, bytes));
            pooledBytes += bytes;
            while (pooledBytes > POOL_BYTES) {
                pooledBytes -= pool.removeLast().bytes;
            }
        }
    }

    /** Images waiting for reuse (for tests). */
    int pooled() {
        synchronized (pool) {
            return pool.size();
        }
    }

    private static long bytes(BufferedImage image) {
        DataBuffer buffer = image.getRaster().getDataBuffer();
        return (long) buffer.getSize()
                * buffer.getNumBanks()
                * DataBuffer.getDataTypeSize(buffer.getDataType())
                / 8;
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
