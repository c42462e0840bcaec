package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.services.modelimport.TinyTfjsModel.Attrs;
import de.kihub.services.modelimport.onnx.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading weights as tfjs stores them: shrunk types, constants folded at import, bad files. */
class TfjsWeightsTest {
    private static final long[] SCALAR = {};

    @TempDir Path dir;

    @Test
    void expandsFloat16WeightsToFloat32() throws Exception {
        float smallestSubnormal = 5.9604645e-8f;
        Path model =
                new TinyTfjsModel()
                        .input("x", 5)
                        .halfFloats("c", new long[] {5}, 0.5f, -2f, 65504f, smallestSubnormal, 0.1f)
                        .node("Identity", "AddV2", "x", "c")
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        float[] out =
                OnnxRun.floats(result.onnxModel(), "x", new float[5], 5).get("Identity").floats();
        // 0.1 is not a float16 value: the nearest one is 0.0999755859375
        assertArrayEquals(
                new float[] {0.5f, -2f, 65504f, smallestSubnormal, 0.0999755859375f}, out);
    }

    @Test
    void dequantisesUint8Weights() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 4)
                        .uint8Floats("c", new long[] {4}, -1f, 0.5f, 0, 1, 4, 255)
                        .node("Identity", "AddV2", "x", "c")
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        float[] out =
                OnnxRun.floats(result.onnxModel(), "x", new float[4], 4).get("Identity").floats();
        assertArrayEquals(new float[] {-1f, -0.5f, 1f, 126.5f}, out);
    }

    @Test
    void widensInt32StoredConstantsThatTheGraphDeclaresInt64() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", "DT_INT64", 3)
                        .ints("c", "DT_INT64", new long[] {3}, -1, Integer.MAX_VALUE, 5)
                        .node(
                                "Identity",
                                "AddV2",
                                List.of("x", "c"),
                                new Attrs().type("T", "DT_INT64").build())
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        String constant = TfjsToOnnxTest.node(result, "Add").getInput(1);
        assertEquals(
                TensorProto.DataType.INT64_VALUE,
                TfjsToOnnxTest.initializer(result, constant).getDataType());
        try (OnnxRun run = new OnnxRun(result.onnxModel())) {
            long[] out = run.run("x", new long[] {1, 1, 1}, 3).get("Identity").longs();
            // the sum leaves int32's range, so it only comes out right in int64
            assertArrayEquals(new long[] {0, Integer.MAX_VALUE + 1L, 6}, out);
        }
    }

    @Test
    void foldsTheReshapeShapeThatOnnxTfBuildsWithSparseToDense() throws Exception {
        // onnx-tf's emulation of ONNX Reshape's "0 copies the input dim", as in NanoDet-m
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 4, 2, 3)
                        .ints("where", "DT_INT64", new long[] {0, 1})
                        .ints("rank", "DT_INT64", new long[] {1}, 3)
                        .ints("gathered", "DT_INT64", new long[] {0})
                        .ints("zeros", "DT_INT64", SCALAR, 0)
                        .ints("target", "DT_INT64", new long[] {3}, 1, 4, -1)
                        .node(
                                "dense",
                                "SparseToDense",
                                List.of("where", "rank", "gathered", "zeros"),
                                new Attrs().type("T", "DT_INT64").build())
                        .node(
                                "shape",
                                "AddV2",
                                List.of("target", "dense"),
                                new Attrs().type("T", "DT_INT64").build())
                        .node("Identity", "Reshape", "x", "shape")
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        assertEquals(List.of(1L, 4L, -1L), TfjsToOnnxTest.initializerLongs(result, "Reshape", 1));
        float[] x = new float[24];
        Arrays.fill(x, 1f);
        assertArrayEquals(
                new long[] {1, 4, 6},
                OnnxRun.floats(result.onnxModel(), "x", x, 1, 4, 2, 3).get("Identity").shape());
    }

    @Test
    void refusesAWeightFileShorterThanTheManifestSays() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2)
                        .floats("c", new long[] {2}, 1, 2)
                        .node("Identity", "AddV2", "x", "c")
                        .output("Identity")
                        .write(dir);
        Path weights = dir.resolve(TinyTfjsModel.WEIGHTS_FILE);
        Files.write(weights, Arrays.copyOf(Files.readAllBytes(weights), 6));

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The weight files [weights.bin] hold 6 bytes, but the manifest describes 8:"
                        + " they are truncated or belong to another model.",
                e.getMessage());
    }

    @Test
    void refusesWeightFilesOutsideTheModelDirectory() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2)
                        .floats("c", new long[] {2}, 1, 2)
                        .node("Identity", "AddV2", "x", "c")
                        .output("Identity")
                        .weightsPath("../secret.bin")
                        .write(dir);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The weight file '../secret.bin' lies outside the model's directory.",
                e.getMessage());
    }

    @Test
    void refusesAConstWithoutWeights() throws Exception {
        Path model = new TinyTfjsModel().input("x", 2).floats("c", new long[] {2}, 1, 2).write(dir);
        String json =
                Files.readString(model)
                        .replace("\"name\":\"c\",\"shape\"", "\"name\":\"d\",\"shape\"");
        Files.writeString(model, json);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The model's node 'c' (Const) has no value in the weights manifest.",
                e.getMessage());
    }
}
