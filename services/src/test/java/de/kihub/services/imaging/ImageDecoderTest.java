package de.kihub.services.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
