package de.kihub.services.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
    final ImageDecoder decoder = ImageDecoder.defaults();

    @Test
    void decodesPngAndJpeg() throws Exception {
        for (String format : new String[] {"png", "jpeg"}) {
            BufferedImage image =
                    decoder.decode(
                            encode(
                                    new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR),
                                    format));
            assertEquals(64, image.getWidth());
            assertEquals(48, image.getHeight());
        }
    }

    @Test
    void refusesAnImageWhoseHeaderClaims30000x30000PixelsWithoutDecodingIt() throws Exception {
        byte[] png = encode(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "png");
        byte[] huge = withPngSize(png, 30000, 30000);
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> decoder.decode(huge));
        assertTrue(e.getMessage().contains("30000x30000"), e.getMessage());
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 512L * 1024 * 1024, "no 3.6 GB raster was allocated");
    }

    @Test
    void refusesEmptyAndNonImageBodiesAndOtherFormats() throws Exception {
        assertThrows(InvalidRequestException.class, () -> decoder.decode(new byte[0]));
        assertThrows(InvalidRequestException.class, () -> decoder.decode("hello".getBytes()));
        byte[] bmp = encode(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "bmp");
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> decoder.decode(bmp));
        assertTrue(e.getMessage().contains("bmp"), e.getMessage());
        byte[] png = encode(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "png");
        assertThrows(InvalidRequestException.class, () -> decoder.decode(Arrays.copyOf(png, 40)));
    }

    @Test
    void decodingIntoGivenBackPixelsGivesExactlyTheFreshPixels() throws Exception {
        Random random = new Random(11);
        byte[] first = encode(noise(768, 576, BufferedImage.TYPE_3BYTE_BGR, random), "jpeg");
        byte[] second = encode(noise(768, 576, BufferedImage.TYPE_3BYTE_BGR, random), "jpeg");
        byte[] png = encode(noise(768, 576, BufferedImage.TYPE_INT_ARGB, random), "png");
        BufferedImage reused;
        try (ImageDecoder.Decoded a = decoder.decodeReusing(first)) {
            assertArrayEquals(pixels(decoder.decode(first)), pixels(a.image()));
            reused = a.image();
        }
        assertEquals(1, decoder.pooled());
        try (ImageDecoder.Decoded b = decoder.decodeReusing(second)) {
            assertSame(reused, b.image(), "the given-back pixels are reused");
            assertArrayEquals(pixels(decoder.decode(second)), pixels(b.image()));
            // while b holds them, another frame of that size gets pixels of its own
            try (ImageDecoder.Decoded c = decoder.decodeReusing(first)) {
                assertNotSame(reused, c.image());
                assertArrayEquals(pixels(decoder.decode(first)), pixels(c.image()));
            }
        }
        // same size, another type (with alpha): not decoded into the BGR pixels
        try (ImageDecoder.Decoded d = decoder.decodeReusing(png)) {
            assertEquals(BufferedImage.TYPE_4BYTE_ABGR, d.image().getType());
            assertArrayEquals(pixels(decoder.decode(png)), pixels(d.image()));
        }
        assertThrows(IllegalStateException.class, () -> closedImage(first));
    }

    @Test
    void keepsAtMostItsBudgetOfPixelsForReuse() throws Exception {
        // 2048x2048 BGR is 12 MiB: one fits into the 16 MiB budget, two do not
        byte[] big = encode(new BufferedImage(2048, 2048, BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        ImageDecoder.Decoded a = decoder.decodeReusing(big);
        ImageDecoder.Decoded b = decoder.decodeReusing(big);
        a.close();
        b.close();
        assertEquals(1, decoder.pooled());
    }

    private BufferedImage closedImage(byte[] bytes) {
        ImageDecoder.Decoded decoded = decoder.decodeReusing(bytes);
        decoded.close();
        return decoded.image();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage noise(int width, int height, int type, Random random) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = random.nextInt();
                image.setRGB(x, y, type == BufferedImage.TYPE_INT_ARGB ? argb : argb | 0xff000000);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    /** Rewrites the IHDR width and height (and its CRC) of a PNG. */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer b = ByteBuffer.wrap(copy);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return copy;
    }
}
