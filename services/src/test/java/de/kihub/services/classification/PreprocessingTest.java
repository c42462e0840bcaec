package de.kihub.services.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import de.kihub.services.classification.Preprocessing.ChannelOrder;
import de.kihub.services.classification.Preprocessing.Layout;
import de.kihub.services.classification.Preprocessing.Output;
import de.kihub.services.classification.Preprocessing.PixelRange;
import de.kihub.services.classification.Preprocessing.Resize;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
    private static final List<Double> ZERO = List.of(0.0, 0.0, 0.0);
    private static final List<Double> ONE = List.of(1.0, 1.0, 1.0);

    /** Two pixels: pure red, and (0, 128, 255). */
    private static BufferedImage twoPixels() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(1, 0, 0x0080ff);
        return image;
    }

    @Test
    void channelsFirstInRgbScaledToUnitRange() {
        Preprocessing p =
                new Preprocessing(
                        Layout.NCHW,
                        2,
                        1,
                        Resize.STRETCH,
                        ChannelOrder.RGB,
                        PixelRange.UNIT,
                        ZERO,
                        ONE,
                        Output.LOGITS);

        float[] t = p.tensor(twoPixels());

        assertArrayEquals(new long[] {1, 3, 1, 2}, p.shape());
        // R plane, G plane, B plane
        assertArrayEquals(new float[] {1, 0, 0, 128 / 255f, 0, 1}, t, 1e-6f);
    }

    @Test
    void channelsLastInBgrNormalisedWithMeanAndStdInTheModelsOrder() {
        Preprocessing p =
                new Preprocessing(
                        Layout.NHWC,
                        2,
                        1,
                        Resize.STRETCH,
                        ChannelOrder.BGR,
                        PixelRange.BYTE,
                        List.of(100.0, 110.0, 120.0),
                        List.of(2.0, 4.0, 5.0),
                        Output.LOGITS);

        float[] t = p.tensor(twoPixels());

        assertArrayEquals(new long[] {1, 1, 2, 3}, p.shape());
        // pixel by pixel, B G R: (0-100)/2, (0-110)/4, (255-120)/5, then (255-100)/2, ...
        assertArrayEquals(new float[] {-50, -27.5f, 27, 77.5f, 4.5f, -24}, t, 1e-5f);
    }

    @Test
    void centreCropKeepsTheMiddleWhereStretchingWouldMixColumns() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[] columns = {0xff0000, 0x00ff00, 0x0000ff, 0xffffff};
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) {
                image.setRGB(x, y, columns[x]);
            }
        }
        Preprocessing p =
                new Preprocessing(
                        Layout.NCHW,
                        2,
                        2,
                        Resize.CENTER_CROP,
                        ChannelOrder.RGB,
                        PixelRange.UNIT,
                        ZERO,
                        ONE,
                        Output.LOGITS);

        float[] t = p.tensor(image);

        // the 2x2 centre: green, blue in both rows
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1}, t, 1e-6f);
    }
}
