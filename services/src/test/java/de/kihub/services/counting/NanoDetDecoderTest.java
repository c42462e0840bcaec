package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NanoDetDecoderTest {
    private static final int[] GRIDS = {52, 26, 13};
    private static final double EPS = 1e-6;

    private final List<float[]> outputs = emptyOutputs();
    private final NanoDetDecoder decoder = new NanoDetDecoder(DetectionSettings.defaults());

    @Test
    void decodesACellIntoABoxInOriginalPixels() {
        // stride 8, row 10, col 20: centre (164, 84); edges 2, 5, 3, 6 bins = 16, 40, 24, 48 px
        person(0, 10, 20, 0.8f, 2, 5, 3, 6);

        List<Detection> found = decoder.decode(outputs, 832, 624);

        assertEquals(1, found.size());
        // 416 -> 832 wide (x2) and 416 -> 624 high (x1.5)
        assertBox(Box.ofCorners(296, 66, 376, 198), found.get(0).box());
        assertEquals(0.8f, found.get(0).score());
    }

    @Test
    void takesTheExpectationOverTheBinsAndClipsToTheImage() {
        // all-zero logits are a uniform softmax, whose expectation is bin 5: 160 px at stride 32
        outputs.get(2)[0] = 0.9f;

        List<Detection> found = decoder.decode(outputs, 416, 416);

        assertBox(Box.ofCorners(0, 0, 176, 176), found.get(0).box());
    }

    @Test
    void findsPersonsOnEveryStrideInRowMajorCells() {
        // the last cell at stride 8, the last column of the first row at 16, the first column of
        // the last row at 32; each edge one bin, i.e. one stride, from the centre
        person(0, 51, 51, 0.5f, 1, 1, 1, 1);
        person(1, 0, 25, 0.6f, 1, 1, 1, 1);
        person(2, 12, 0, 0.7f, 1, 1, 1, 1);

        List<Detection> found = decoder.decode(outputs, 416, 416);

        assertEquals(3, found.size());
        assertBox(Box.ofCorners(0, 368, 48, 416), found.get(0).box());
        assertBox(Box.ofCorners(392, 0, 416, 24), found.get(1).box());
        assertBox(Box.ofCorners(404, 404, 416, 416), found.get(2).box());
    }

    @Test
    void keepsOnlyPersonsAtOrAboveTheThreshold() {
        person(0, 10, 10, 0.44f, 2, 2, 2, 2);
        person(0, 30, 30, 0.45f, 2, 2, 2, 2);
        // another class is not a person, however sure the model is
        outputs.get(0)[(40 * 52 + 40) * 80 + 1] = 0.99f;

        List<Detection> found = decoder.decode(outputs, 416, 416);

        assertEquals(1, found.size());
        assertEquals(0.45f, found.get(0).score());
    }

    @Test
    void reportsOnePersonSeenByNeighbouringCellsOnce() {
        person(0, 20, 20, 0.9f, 3, 6, 3, 6);
        person(0, 20, 21, 0.7f, 4, 6, 2, 6);

        List<Detection> found = decoder.decode(outputs, 416, 416);

        assertEquals(1, found.size());
        assertEquals(0.9f, found.get(0).score());
    }

    @Test
    void dropsBoxesSmallerThanTheMinimumSize() {
        person(0, 10, 10, 0.9f, 1, 4, 1, 4); // 16 x 64 px
        person(0, 30, 30, 0.9f, 2, 4, 2, 4); // 32 x 64 px

        List<Detection> found =
                new NanoDetDecoder(new DetectionSettings(0.45f, 0.5f, 20, null))
                        .decode(outputs, 416, 416);

        assertEquals(1, found.size());
        assertEquals(32, found.get(0).box().w(), EPS);
    }

    @Test
    void keepsOnlyPersonsStandingInTheRegionOfInterest() {
        // foot points (84, 124) and (244, 284)
        person(0, 10, 10, 0.9f, 2, 5, 2, 5);
        person(0, 30, 30, 0.8f, 2, 5, 2, 5);
        List<Point> leftHalf =
                List.of(new Point(0, 0), new Point(200, 0), new Point(200, 416), new Point(0, 416));

        List<Detection> found =
                new NanoDetDecoder(new DetectionSettings(0.45f, 0.5f, 0, leftHalf))
                        .decode(outputs, 416, 416);

        assertEquals(1, found.size());
        assertEquals(new Point(84, 124), found.get(0).box().footPoint());
    }

    @Test
    void refusesOutputsOfTheWrongShape() {
        outputs.set(4, new float[676 * 40]);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> decoder.decode(outputs, 416, 416));
        assertTrue(e.getMessage().contains("Identity_4"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> decoder.decode(outputs.subList(0, 5), 416, 416));
    }

    /** Sets a person score and one-hot distance bins (in bins, not pixels) on one grid cell. */
    private void person(int level, int row, int col, float score, int... bins) {
        int cell = row * GRIDS[level] + col;
        outputs.get(level)[cell * 80] = score;
        float[] reg = outputs.get(level + 3);
        for (int side = 0; side < 4; side++) {
            // a logit 50 above the rest leaves the others a weight of e^-50: one-hot in practice
            reg[(cell * 4 + side) * 11 + bins[side]] = 50;
        }
    }

    @Test
    void rowByRowOutputsGiveExactlyTheDetectionsOfFlatOnes() {
        Random random = new Random(5);
        for (int i = 0; i < outputs.size(); i++) {
            float[] values = outputs.get(i);
            for (int k = 0; k < values.length; k++) {
                // class scores 0..1 (a few hundred above the threshold), logits -4..4
                values[k] = i < 3 ? random.nextFloat() * 0.6f : random.nextFloat() * 8 - 4;
            }
        }
        List<float[][]> rows = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            int perCell = i < 3 ? 80 : 44;
            float[] flat = outputs.get(i);
            float[][] r = new float[flat.length / perCell][];
            for (int cell = 0; cell < r.length; cell++) {
                r[cell] = Arrays.copyOfRange(flat, cell * perCell, (cell + 1) * perCell);
            }
            rows.add(r);
        }
        List<Detection> flat = decoder.decode(outputs, 768, 576);
        assertTrue(flat.size() > 5, "the random scores give detections: " + flat.size());
        assertEquals(flat, decoder.decodeRows(rows, 768, 576));

        rows.set(4, Arrays.copyOf(rows.get(4), 675));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> decoder.decodeRows(rows, 768, 576));
        assertTrue(e.getMessage().contains("Identity_4 (stride 16)"), e.getMessage());
    }

    private static List<float[]> emptyOutputs() {
        List<float[]> out = new ArrayList<>();
        for (int grid : GRIDS) {
            out.add(new float[grid * grid * 80]);
        }
        for (int grid : GRIDS) {
            out.add(new float[grid * grid * 44]);
        }
        return out;
    }

    private static void assertBox(Box expected, Box actual) {
        assertEquals(expected.x(), actual.x(), EPS, "left of " + actual);
        assertEquals(expected.y(), actual.y(), EPS, "top of " + actual);
        assertEquals(expected.right(), actual.right(), EPS, "right of " + actual);
        assertEquals(expected.bottom(), actual.bottom(), EPS, "bottom of " + actual);
    }
}
