package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.services.modelimport.TinyTfjsModel.Attrs;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strided slices, gathers and top-k against values worked out by hand from TF's definitions. */
class SelectionOpsTest {
    @TempDir Path dir;

    @Test
    void slicesWithMasksAndANegativeStrideLikePython() throws Exception {
        // x[:, 1:3, ::-1] of a 2x3x4 tensor holding 0 ... 23
        Path model =
                slice(new long[] {0, 1, -1}, new long[] {0, 3, 0}, new long[] {1, 1, -1}, 0b001)
                        .endMask(0b101)
                        .write();

        OnnxRun.Output out = run(model);

        assertArrayEquals(new long[] {2, 2, 4}, out.shape());
        float[] expected = new float[16];
        int i = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 1; b < 3; b++) {
                for (int c = 3; c >= 0; c--) {
                    expected[i++] = a * 12 + b * 4 + c;
                }
            }
        }
        assertArrayEquals(expected, out.floats());
    }

    @Test
    void keepsADimensionOfOneAsCenterNetsBoxEdgesDo() throws Exception {
        // x[:, :, 1:2], written as begin [0, 0, 1], end [0, 0, 2] with begin and end masks 3
        Path model =
                slice(new long[] {0, 0, 1}, new long[] {0, 0, 2}, new long[] {1, 1, 1}, 0b011)
                        .endMask(0b011)
                        .write();

        OnnxRun.Output out = run(model);

        assertArrayEquals(new long[] {2, 3, 1}, out.shape());
        assertArrayEquals(new float[] {1, 5, 9, 13, 17, 21}, out.floats());
    }

    @Test
    void shrinksAnAxisAlsoAtIndexMinusOne() throws Exception {
        // x[:, :, -1]
        Path model =
                slice(new long[] {0, 0, -1}, new long[] {0, 0, 0}, new long[] {1, 1, 1}, 0b011)
                        .endMask(0b011)
                        .shrinkMask(0b100)
                        .write();

        OnnxRun.Output out = run(model);

        assertArrayEquals(new long[] {2, 3}, out.shape());
        assertArrayEquals(new float[] {3, 7, 11, 15, 19, 23}, out.floats());
    }

    @Test
    void refusesAnEllipsisMask() throws Exception {
        Path model =
                slice(new long[] {0}, new long[] {1}, new long[] {1}, 0).ellipsisMask(1).write();

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The model's node 'Identity' (StridedSlice) uses an ellipsis or new-axis mask,"
                        + " which is not supported.",
                e.getMessage());
    }

    @Test
    void gathersRowsAndColumns() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 3, 2)
                        .ints("rows", "DT_INT32", new long[] {2}, 2, 0)
                        .ints("columns", "DT_INT32", new long[] {2, 1}, 1, 0)
                        .ints("axis0", "DT_INT32", new long[0], 0)
                        .ints("axis1", "DT_INT32", new long[0], -1)
                        .node("Identity", "GatherV2", List.of("x", "rows", "axis0"), gather())
                        .node("Identity_1", "GatherV2", List.of("x", "columns", "axis1"), gather())
                        .output("Identity")
                        .output("Identity_1")
                        .write(dir);

        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(
                        TfjsToOnnx.convert(model).onnxModel(),
                        "x",
                        new float[] {1, 2, 3, 4, 5, 6},
                        3,
                        2);

        assertArrayEquals(new float[] {5, 6, 1, 2}, out.get("Identity").floats());
        assertArrayEquals(new long[] {3, 2, 1}, out.get("Identity_1").shape());
        assertArrayEquals(new float[] {2, 1, 4, 3, 6, 5}, out.get("Identity_1").floats());
    }

    @Test
    void takesTheLargestValuesWithTheLowerIndexFirstAmongEqualOnes() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 6)
                        .ints("k", "DT_INT32", new long[0], 3)
                        .node(
                                "top",
                                "TopKV2",
                                List.of("x", "k"),
                                new Attrs().type("T", "DT_FLOAT").b("sorted", true).build())
                        .node("Identity", "Identity", "top")
                        .node(
                                "Identity_1",
                                "Cast",
                                List.of("top:1"),
                                new Attrs()
                                        .type("SrcT", "DT_INT32")
                                        .type("DstT", "DT_FLOAT")
                                        .build())
                        .output("Identity")
                        .output("Identity_1")
                        .write(dir);

        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(
                        TfjsToOnnx.convert(model).onnxModel(),
                        "x",
                        new float[] {0.1f, 0.5f, 0.5f, 0.9f, 0f, 0.5f},
                        1,
                        6);

        assertArrayEquals(new float[] {0.9f, 0.5f, 0.5f}, out.get("Identity").floats());
        assertArrayEquals(new float[] {3, 1, 2}, out.get("Identity_1").floats());
    }

    private static JsonObject gather() {
        return new Attrs().i("batch_dims", 0).type("Tparams", "DT_FLOAT").build();
    }

    /** Runs the model on 0 ... 23, literally and cleaned up, which must agree. */
    private static OnnxRun.Output run(Path model) throws Exception {
        float[] x = new float[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        OnnxRun.Output literal =
                OnnxRun.floats(TfjsToOnnx.convertLiteral(model).onnxModel(), "x", x, 2, 3, 4)
                        .get("Identity");
        OnnxRun.Output cleaned =
                OnnxRun.floats(TfjsToOnnx.convert(model).onnxModel(), "x", x, 2, 3, 4)
                        .get("Identity");
        assertArrayEquals(literal.floats(), cleaned.floats());
        return cleaned;
    }

    private SliceModel slice(long[] begin, long[] end, long[] strides, int beginMask) {
        return new SliceModel(begin, end, strides, beginMask);
    }

    /** x (2x3x4) -> StridedSlice -> Identity, with the masks given. */
    private final class SliceModel {
        private final long[] begin;
        private final long[] end;
        private final long[] strides;
        private final Attrs attrs = new Attrs().type("T", "DT_FLOAT").type("Index", "DT_INT32");

        SliceModel(long[] begin, long[] end, long[] strides, int beginMask) {
            this.begin = begin;
            this.end = end;
            this.strides = strides;
            attrs.i("begin_mask", beginMask);
        }

        SliceModel endMask(int mask) {
            attrs.i("end_mask", mask);
            return this;
        }

        SliceModel shrinkMask(int mask) {
            attrs.i("shrink_axis_mask", mask);
            return this;
        }

        SliceModel ellipsisMask(int mask) {
            attrs.i("ellipsis_mask", mask);
            return this;
        }

        Path write() throws Exception {
            long[] n = {begin.length};
            return new TinyTfjsModel()
                    .input("x", 2, 3, 4)
                    .ints("begin", "DT_INT32", n, ints(begin))
                    .ints("end", "DT_INT32", n, ints(end))
                    .ints("strides", "DT_INT32", n, ints(strides))
                    .node(
                            "Identity",
                            "StridedSlice",
                            List.of("x", "begin", "end", "strides"),
                            attrs.build())
                    .output("Identity")
                    .write(dir);
        }

        private static int[] ints(long[] values) {
            int[] result = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = (int) values[i];
            }
            return result;
        }
    }
}
