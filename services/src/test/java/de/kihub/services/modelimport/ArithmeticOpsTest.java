package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.modelimport.TinyTfjsModel.Attrs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Casts and floor division, with negative operands where TF's floor and ONNX's truncation differ.
 */
class ArithmeticOpsTest {
    private static final long[] SIX = {6};

    @TempDir Path dir;

    @Test
    void dividesIntegersRoundingDownAsTensorFlowDoes() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", "DT_INT64", 6)
                        .ints("y", "DT_INT64", SIX, 2, 2, -2, -2, 3, -4)
                        .node("Identity", "FloorDiv", List.of("x", "y"), int64())
                        .node("Identity_1", "FloorMod", List.of("x", "y"), int64())
                        .output("Identity")
                        .output("Identity_1")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        Map<String, OnnxRun.Output> out;
        try (OnnxRun run = new OnnxRun(result.onnxModel())) {
            out = run.run("x", new long[] {7, -7, 7, -7, 0, 6}, SIX);
        }
        // ONNX Div alone would give 3, -3, -3, 3, 0, -1
        assertArrayEquals(new long[] {3, -4, -4, 3, 0, -2}, out.get("Identity").longs());
        assertArrayEquals(new long[] {1, 1, -1, -1, 0, -2}, out.get("Identity_1").longs());
    }

    @Test
    void castsBetweenFloatAndInt32AroundAFloorDivisionAsCenterNetDoes() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 4)
                        .ints("cells", "DT_INT32", new long[0], 80)
                        .node("index", "Cast", List.of("x"), cast("DT_FLOAT", "DT_INT32"))
                        .node("cell", "FloorDiv", List.of("index", "cells"), int32())
                        .node("Identity", "Cast", List.of("cell"), cast("DT_INT32", "DT_FLOAT"))
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        OnnxRun.Output out =
                OnnxRun.floats(result.onnxModel(), "x", new float[] {0, 79, 80, 1234.9f}, 4)
                        .get("Identity");
        // the float to int cast truncates, 1234.9 -> 1234 = 15 * 80 + 34
        assertArrayEquals(new float[] {0, 0, 1, 15}, out.floats());
    }

    @Test
    void dividesFloatsRoundingDown() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2)
                        .floats("y", new long[0], 2)
                        .node("Identity", "FloorDiv", "x", "y")
                        .output("Identity")
                        .write(dir);

        OnnxRun.Output out =
                OnnxRun.floats(TfjsToOnnx.convert(model).onnxModel(), "x", new float[] {7, -7}, 2)
                        .get("Identity");

        assertArrayEquals(new float[] {3, -4}, out.floats());
    }

    @Test
    void refusesAFloatModulo() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2)
                        .floats("y", new long[0], 2)
                        .node("Identity", "FloorMod", "x", "y")
                        .output("Identity")
                        .write(dir);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertTrue(e.getMessage().contains("node 'Identity' (FloorMod)"), e.getMessage());
        assertTrue(e.getMessage().contains("only integers"), e.getMessage());
    }

    @Test
    void refusesACastToAnUnsupportedType() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2)
                        .node("Identity", "Cast", List.of("x"), cast("DT_FLOAT", "DT_HALF"))
                        .output("Identity")
                        .write(dir);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The model's node 'Identity' (Cast) casts to DT_HALF, not to float, int32, int64"
                        + " or bool.",
                e.getMessage());
    }

    private static jakarta.json.JsonObject int64() {
        return new Attrs().type("T", "DT_INT64").build();
    }

    private static jakarta.json.JsonObject int32() {
        return new Attrs().type("T", "DT_INT32").build();
    }

    private static jakarta.json.JsonObject cast(String from, String to) {
        return new Attrs().type("SrcT", from).type("DstT", to).b("Truncate", false).build();
    }
}
