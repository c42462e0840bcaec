package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.modelimport.TinyTfjsModel.Attrs;
import de.kihub.services.modelimport.onnx.AttributeProto;
import de.kihub.services.modelimport.onnx.ModelProto;
import de.kihub.services.modelimport.onnx.NodeProto;
import de.kihub.services.modelimport.onnx.TensorProto;
import jakarta.json.Json;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The op mappings on tiny hand-made models, checked by running the result in ONNX Runtime. */
class TfjsToOnnxTest {
    private static final long[] SCALAR = {};

    @TempDir Path dir;

    @Test
    void normalisesANegativeConcatAxis() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 2, 3)
                        .floats("b", new long[] {1, 2, 1}, 7, 8)
                        .ints("axis", "DT_INT32", SCALAR, -1)
                        .node(
                                "cat",
                                "ConcatV2",
                                List.of("x", "b", "axis"),
                                new Attrs().i("N", 2).build())
                        .node("Identity", "Identity", "cat")
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convertLiteral(model);

        assertEquals(2L, attribute(result, "Concat", "axis").getI());
        OnnxRun.Output out =
                OnnxRun.floats(result.onnxModel(), "x", new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3)
                        .get("Identity");
        assertArrayEquals(new long[] {1, 2, 4}, out.shape());
        assertArrayEquals(new float[] {1, 2, 3, 7, 4, 5, 6, 8}, out.floats());
    }

    @Test
    void resolvesTheMinusOneInSplitSizes() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 5)
                        .ints("sizes", "DT_INT32", new long[] {2}, 2, -1)
                        .ints("dim", "DT_INT32", SCALAR, 1)
                        .node(
                                "split",
                                "SplitV",
                                List.of("x", "sizes", "dim"),
                                new Attrs().i("num_split", 2).build())
                        .node("Identity", "Identity", "split")
                        .node("Identity_1", "Identity", "split:1")
                        .output("Identity_1")
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(result.onnxModel(), "x", new float[] {1, 2, 3, 4, 5}, 1, 5);
        assertArrayEquals(new float[] {1, 2}, out.get("Identity").floats());
        assertArrayEquals(new float[] {3, 4, 5}, out.get("Identity_1").floats());
        assertArrayEquals(new long[] {1, 3}, out.get("Identity_1").shape());
    }

    @Test
    void writesPaddingsAsAllBeginningsThenAllEnds() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 1, 2, 2)
                        // TF: one (before, after) row per dimension
                        .ints("paddings", "DT_INT32", new long[] {4, 2}, 0, 0, 0, 0, 1, 0, 2, 1)
                        .floats("fill", SCALAR, 9)
                        .node("Identity", "PadV2", "x", "paddings", "fill")
                        .output("Identity")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        assertEquals(List.of(0L, 0L, 1L, 2L, 0L, 0L, 0L, 1L), initializerLongs(result, "Pad", 1));
        OnnxRun.Output out =
                OnnxRun.floats(result.onnxModel(), "x", new float[] {1, 2, 3, 4}, 1, 1, 2, 2)
                        .get("Identity");
        assertArrayEquals(new long[] {1, 1, 3, 5}, out.shape());
        assertArrayEquals(
                new float[] {
                    9, 9, 9, 9, 9, //
                    9, 9, 1, 2, 9, //
                    9, 9, 3, 4, 9
                },
                out.floats());
    }

    @Test
    void refusesAReshapeToZero() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2, 3)
                        .ints("shape", "DT_INT32", new long[] {2}, 0, -1)
                        .node("Identity", "Reshape", "x", "shape")
                        .output("Identity")
                        .write(dir);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertTrue(e.getMessage().contains("node 'Identity' (Reshape)"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, -1]"), e.getMessage());
    }

    @Test
    void alwaysWritesTheLeakyReluAlpha() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2)
                        .node("Identity", "LeakyRelu", "x")
                        .node(
                                "Identity_1",
                                "LeakyRelu",
                                List.of("x"),
                                new Attrs().f("alpha", 0.1f).build())
                        .output("Identity")
                        .output("Identity_1")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        List<Float> alphas =
                ModelProto.parseFrom(result.onnxModel()).getGraph().getNodeList().stream()
                        .filter(node -> node.getOpType().equals("LeakyRelu"))
                        .map(node -> node.getAttribute(0).getF())
                        .toList();
        // TF's default is 0.2; leaving alpha out would give ONNX's 0.01
        assertEquals(List.of(0.2f, 0.1f), alphas);
        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(result.onnxModel(), "x", new float[] {-10, 10}, 2);
        assertArrayEquals(new float[] {-2, 10}, out.get("Identity").floats());
        assertArrayEquals(new float[] {-1, 10}, out.get("Identity_1").floats());
    }

    @Test
    void namesOutputsAfterTheSignatureAndOrdersThemByName() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("input_1", 1)
                        .node("Identity_10", "Sigmoid", "input_1")
                        .node("Identity_2", "LeakyRelu", "input_1")
                        .node("Identity", "Identity", "input_1")
                        .output("Identity_10")
                        .output("Identity")
                        .output("Identity_2")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        assertEquals(List.of("input_1"), result.inputNames());
        assertEquals(List.of("Identity", "Identity_2", "Identity_10"), result.outputNames());
        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(result.onnxModel(), "input_1", new float[] {-1}, 1);
        assertEquals(-1f, out.get("Identity").floats()[0]);
        assertEquals(-0.2f, out.get("Identity_2").floats()[0]);
        assertEquals(0.26894142f, out.get("Identity_10").floats()[0], 1e-7f);
    }

    @Test
    void listsEveryUnknownOperationWithANode() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2)
                        .node("a", "Einsum", "x")
                        .node("b", "FooBar", "a")
                        .node("Identity", "FooBar", "b")
                        .output("Identity")
                        .write(dir);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The model uses operations the importer does not support:"
                        + " Einsum (1x, e.g. node 'a'), FooBar (2x, e.g. node 'b').",
                e.getMessage());
    }

    @Test
    void refusesAStringAttributeThatIsNotBase64() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 1, 1, 1)
                        .floats("w", new long[] {1, 1, 1, 1}, 2)
                        .node(
                                "Identity",
                                "Conv2D",
                                List.of("x", "w"),
                                new Attrs()
                                        .add(
                                                "padding",
                                                Json.createObjectBuilder().add("s", "VALID"))
                                        .ints("strides", 1, 1, 1, 1)
                                        .build())
                        .output("Identity")
                        .write(dir);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The model's node 'Identity' (Conv2D) has attribute 'padding' that is not valid"
                        + " base64.",
                e.getMessage());
    }

    @Test
    void resizesBilinearlyWithHalfPixelCentresAlsoWhenShrinking() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 4, 4, 1)
                        .ints("size", "DT_INT32", new long[] {2}, 2, 2)
                        .node(
                                "Identity",
                                "ResizeBilinear",
                                List.of("x", "size"),
                                new Attrs()
                                        .b("half_pixel_centers", true)
                                        .b("align_corners", false)
                                        .build())
                        .output("Identity")
                        .write(dir);
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }

        ConversionResult result = TfjsToOnnx.convert(model);

        OnnxRun.Output out = OnnxRun.floats(result.onnxModel(), "x", x, 1, 4, 4, 1).get("Identity");
        // without antialiasing, each output pixel is the mean of a 2x2 block, as in TF
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, out.floats());
    }

    @Test
    void computesHardSwishFromRelu6MulAndAdd() throws Exception {
        // MobileNetV3's hard swish as the CenterNet graph spells it: x * relu6(x + 3) * (1/6)
        Path model =
                new TinyTfjsModel()
                        .input("x", 4)
                        .floats("three", SCALAR, 3)
                        .floats("sixth", SCALAR, 1 / 6f)
                        .node("shifted", "Add", "x", "three")
                        .node("clipped", "Relu6", "shifted")
                        .node("scaled", "Mul", "sixth", "x")
                        .node("Identity", "Mul", "scaled", "clipped")
                        .node("Identity_1", "Relu", "x")
                        .node("Identity_2", "Sub", "x", "three")
                        .output("Identity")
                        .output("Identity_1")
                        .output("Identity_2")
                        .write(dir);

        ConversionResult result = TfjsToOnnx.convert(model);

        assertEquals(List.of(0f, 6f), clipBounds(result));
        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(result.onnxModel(), "x", new float[] {-4, -1, 1, 4}, 4);
        assertArrayEquals(new float[] {0, -1 / 3f, 2 / 3f, 4}, out.get("Identity").floats(), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 1, 4}, out.get("Identity_1").floats());
        assertArrayEquals(new float[] {-7, -4, -2, 1}, out.get("Identity_2").floats());
    }

    @Test
    void comparesForEqualityIntoBooleans() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 3)
                        .floats("peak", new long[] {3}, 1, 5, 3)
                        .node("same", "Equal", "x", "peak")
                        .node(
                                "Identity",
                                "Cast",
                                List.of("same"),
                                new Attrs()
                                        .type("SrcT", "DT_BOOL")
                                        .type("DstT", "DT_FLOAT")
                                        .build())
                        .output("Identity")
                        .write(dir);

        OnnxRun.Output out =
                OnnxRun.floats(TfjsToOnnx.convert(model).onnxModel(), "x", new float[] {1, 2, 3}, 3)
                        .get("Identity");

        assertArrayEquals(new float[] {1, 0, 1}, out.floats());
    }

    @Test
    void insertsADimensionAtANegativeAxisCountedInTheResult() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 2, 3)
                        .ints("last", "DT_INT32", SCALAR, -1)
                        .ints("first", "DT_INT32", SCALAR, 0)
                        .node("Identity", "ExpandDims", "x", "last")
                        .node("Identity_1", "ExpandDims", "x", "first")
                        .output("Identity")
                        .output("Identity_1")
                        .write(dir);

        Map<String, OnnxRun.Output> out =
                OnnxRun.floats(TfjsToOnnx.convert(model).onnxModel(), "x", new float[6], 2, 3);

        assertArrayEquals(new long[] {2, 3, 1}, out.get("Identity").shape());
        assertArrayEquals(new long[] {1, 2, 3}, out.get("Identity_1").shape());
    }

    /** The float bounds of the Clip that Relu6 becomes. */
    private static List<Float> clipBounds(ConversionResult result) throws Exception {
        NodeProto clip = node(result, "Clip");
        return List.of(
                initializer(result, clip.getInput(1))
                        .getRawData()
                        .asReadOnlyByteBuffer()
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getFloat(),
                initializer(result, clip.getInput(2))
                        .getRawData()
                        .asReadOnlyByteBuffer()
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getFloat());
    }

    static AttributeProto attribute(ConversionResult result, String opType, String name)
            throws Exception {
        return node(result, opType).getAttributeList().stream()
                .filter(a -> a.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static NodeProto node(ConversionResult result, String opType) throws Exception {
        return ModelProto.parseFrom(result.onnxModel()).getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals(opType))
                .findFirst()
                .orElseThrow();
    }

    /** The int64 values of the initializer that the first node of the type reads as input. */
    static List<Long> initializerLongs(ConversionResult result, String opType, int input)
            throws Exception {
        String name = node(result, opType).getInput(input);
        TensorProto tensor = initializer(result, name);
        assertEquals(TensorProto.DataType.INT64_VALUE, tensor.getDataType());
        LongBuffer values =
                tensor.getRawData()
                        .asReadOnlyByteBuffer()
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asLongBuffer();
        long[] longs = new long[values.remaining()];
        values.get(longs);
        return Arrays.stream(longs).boxed().toList();
    }

    static TensorProto initializer(ConversionResult result, String name) throws Exception {
        return ModelProto.parseFrom(result.onnxModel()).getGraph().getInitializerList().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
