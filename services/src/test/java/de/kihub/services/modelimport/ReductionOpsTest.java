package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kihub.services.modelimport.TinyTfjsModel.Attrs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TF's Mean as squeeze-and-excitation blocks use it: over height and width of an NHWC tensor. */
class ReductionOpsTest {
    @TempDir Path dir;

    @Test
    void averagesOverHeightAndWidthKeepingOrDroppingThem() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 2, 2, 3)
                        .ints("hw", "DT_INT32", new long[] {2}, 1, 2)
                        .ints("none", "DT_INT32", new long[] {0})
                        .node("Identity", "Mean", List.of("x", "hw"), mean(true))
                        .node("Identity_1", "Mean", List.of("x", "hw"), mean(false))
                        .node("Identity_2", "Mean", List.of("x", "none"), mean(false))
                        .output("Identity")
                        .output("Identity_1")
                        .output("Identity_2")
                        .write(dir);
        float[] x = new float[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }

        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(TfjsToOnnx.convert(model).onnxModel(), "x", x, 1, 2, 2, 3);

        // channel c holds c, c + 3, c + 6, c + 9: mean c + 4.5
        assertArrayEquals(new long[] {1, 1, 1, 3}, out.get("Identity").shape());
        assertArrayEquals(new float[] {4.5f, 5.5f, 6.5f}, out.get("Identity").floats());
        assertArrayEquals(new long[] {1, 3}, out.get("Identity_1").shape());
        assertArrayEquals(new float[] {4.5f, 5.5f, 6.5f}, out.get("Identity_1").floats());
        // no axes reduce nothing in TF, where ONNX would reduce everything
        assertArrayEquals(x, out.get("Identity_2").floats());
        assertEquals(4, out.get("Identity_2").shape().length);
    }

    private static jakarta.json.JsonObject mean(boolean keepDims) {
        return new Attrs()
                .type("T", "DT_FLOAT")
                .type("Tidx", "DT_INT32")
                .b("keep_dims", keepDims)
                .build();
    }
}
