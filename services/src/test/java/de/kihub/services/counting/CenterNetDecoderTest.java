package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CenterNetDecoderTest {
    private static final double EPS = 1e-6;

    /** The graph's 100 rows; unused ones hold a score of 0, as its top-k pads with non-peaks. */
    private final float[] rows = new float[CenterNetDecoder.ROWS * 6];

    private final CenterNetDecoder decoder = new CenterNetDecoder(DetectionSettings.defaults());

    @Test
    void mapsALetterboxedBoxBackToTheFrame() {
        // a 768x576 frame fills 512x384 of the input, 64 black rows above it: scale 1.5
        row(0, 100, 64 + 50, 200, 64 + 150, 0.9f, 0);

        List<Detection> found = decoder.decode(rows, 768, 576);

        assertEquals(1, found.size());
        assertBox(Box.ofCorners(150, 75, 300, 225), found.get(0).box());
        assertEquals(0.9f, found.get(0).score());
    }

    @Test
    void keepsOnlyPersonsAtOrAboveTheThreshold() {
        row(0, 10, 10, 50, 90, 0.8f, 16); // a dog
        row(1, 100, 10, 150, 90, 0.44f, 0);
        row(2, 200, 10, 250, 90, 0.45f, 0);

        List<Detection> found = decoder.decode(rows, 512, 512);

        assertEquals(1, found.size());
        assertEquals(0.45f, found.get(0).score());
    }

    @Test
    void suppressesASecondPeakOnTheSamePersonAndSortsByScore() {
        row(0, 300, 100, 340, 200, 0.6f, 0);
        row(1, 100, 100, 140, 200, 0.7f, 0);
        row(2, 102, 104, 141, 205, 0.5f, 0); // IoU with row 1 well above 0.5

        List<Detection> found = decoder.decode(rows, 512, 512);

        assertEquals(List.of(0.7f, 0.6f), found.stream().map(Detection::score).toList());
    }

    @Test
    void clipsToTheFrameAndDropsBoxesThatLieInTheMargin() {
        row(0, -20, 60, 40, 120, 0.9f, 0); // partly left of the input and in the top margin
        row(1, 200, 0, 260, 60, 0.8f, 0); // wholly in the top margin of a 768x576 frame

        List<Detection> found = decoder.decode(rows, 768, 576);

        assertEquals(1, found.size());
        assertBox(Box.ofCorners(0, 0, 60, 84), found.get(0).box());
    }

    @Test
    void honoursTheMinimumSizeAndTheRegion() {
        row(0, 10, 10, 20, 100, 0.9f, 0); // 10 px wide
        row(1, 300, 10, 360, 100, 0.8f, 0);
        DetectionSettings settings =
                new DetectionSettings(
                        0.45f,
                        0.5f,
                        20,
                        List.of(new Point(0, 0), new Point(200, 0), new Point(200, 512)));

        assertEquals(2, decoder.decode(rows, 512, 512).size());
        // the narrow box is too small; the other one stands outside the region
        assertEquals(List.of(), new CenterNetDecoder(settings).decode(rows, 512, 512));
    }

    @Test
    void refusesAnOutputOfAnotherSize() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> decoder.decode(new float[6], 512, 512));

        assertTrue(e.getMessage().contains("1x100x6 = 600 values, got 6"), e.getMessage());
    }

    @Test
    void placesFramesOfEveryShapeInTheMiddle() {
        Letterbox tall = Letterbox.of(300, 600, 512);
        Letterbox wide = Letterbox.of(1000, 10, 512);

        assertEquals(new Letterbox(512, 300, 600, 256, 512, 128, 0), tall);
        assertEquals(new Letterbox(512, 1000, 10, 512, 5, 0, 253), wide);
        assertEquals(300, tall.frameX(128 + 256), EPS);
        assertEquals(10, wide.frameY(253 + 5), EPS);
    }

    private void row(int index, float x1, float y1, float x2, float y2, float score, int cls) {
        float[] values = {x1, y1, x2, y2, score, cls};
        System.arraycopy(values, 0, rows, index * 6, 6);
    }

    private static void assertBox(Box expected, Box actual) {
        assertEquals(expected.x(), actual.x(), EPS, "x");
        assertEquals(expected.y(), actual.y(), EPS, "y");
        assertEquals(expected.w(), actual.w(), EPS, "w");
        assertEquals(expected.h(), actual.h(), EPS, "h");
    }
}
