package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.modelimport.TinyTfjsModel.Attrs;
import de.kihub.services.modelimport.onnx.ModelProto;
import de.kihub.services.modelimport.onnx.NodeProto;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NHWC convolution and pooling against straightforward loops written from TF's definitions, in the
 * literal mapping and after the clean-up.
 */
class SpatialOpsTest {
    @TempDir Path dir;

    @Test
    void convolvesNhwcWithSamePaddingAndStrideTwoLikeTensorFlow() throws Exception {
        float[] x = sequence(5 * 5 * 2, 0.1f);
        float[] filter = sequence(3 * 3 * 2 * 3, -0.05f);
        float[] bias = {0.5f, -1f, 2f};
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 5, 5, 2)
                        .floats("w", new long[] {3, 3, 2, 3}, filter)
                        .floats("b", new long[] {3}, bias)
                        .node(
                                "conv",
                                "Conv2D",
                                List.of("x", "w"),
                                new Attrs()
                                        .s("padding", "SAME")
                                        .s("data_format", "NHWC")
                                        .ints("strides", 1, 2, 2, 1)
                                        .ints("dilations", 1, 1, 1, 1)
                                        .build())
                        .node("Identity", "Add", "conv", "b")
                        .output("Identity")
                        .write(dir);
        float[] expected = sameConvolution(x, filter, bias);

        for (ConversionResult result :
                List.of(TfjsToOnnx.convertLiteral(model), TfjsToOnnx.convert(model))) {
            OnnxRun.Output out =
                    OnnxRun.floats(result.onnxModel(), "x", x, 1, 5, 5, 2).get("Identity");
            assertArrayEquals(new long[] {1, 3, 3, 3}, out.shape());
            assertArrayEquals(expected, out.floats(), 1e-5f);
        }
        NodeProto conv = TfjsToOnnxTest.node(TfjsToOnnx.convert(model), "Conv");
        assertEquals(3, conv.getInputCount(), "the bias Add is folded into Conv");
    }

    @Test
    void foldsTheMinusInfinityPaddingIntoMaxPool() throws Exception {
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = -1 - i; // all negative, so a zero pad would win every maximum
        }
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 1, 4, 4)
                        .ints("paddings", "DT_INT32", new long[] {4, 2}, 0, 0, 0, 0, 1, 1, 1, 1)
                        .floats("fill", new long[0], Float.NEGATIVE_INFINITY)
                        .ints("to_nhwc", "DT_INT32", new long[] {4}, 0, 2, 3, 1)
                        .ints("to_nchw", "DT_INT32", new long[] {4}, 0, 3, 1, 2)
                        .node("padded", "PadV2", "x", "paddings", "fill")
                        .node("nhwc", "Transpose", "padded", "to_nhwc")
                        .node(
                                "pool",
                                "MaxPool",
                                List.of("nhwc"),
                                new Attrs()
                                        .s("padding", "VALID")
                                        .ints("ksize", 1, 3, 3, 1)
                                        .ints("strides", 1, 2, 2, 1)
                                        .build())
                        .node("Identity", "Transpose", "pool", "to_nchw")
                        .output("Identity")
                        .write(dir);
        // 3x3 windows over rows/columns -1..1 and 1..3: the top-left cell inside the input wins
        float[] expected = {x[0], x[1], x[4], x[5]};

        ConversionResult literal = TfjsToOnnx.convertLiteral(model);
        ConversionResult cleaned = TfjsToOnnx.convert(model);

        for (ConversionResult result : List.of(literal, cleaned)) {
            OnnxRun.Output out =
                    OnnxRun.floats(result.onnxModel(), "x", x, 1, 1, 4, 4).get("Identity");
            assertArrayEquals(expected, out.floats());
        }
        List<String> ops =
                ModelProto.parseFrom(cleaned.onnxModel()).getGraph().getNodeList().stream()
                        .map(NodeProto::getOpType)
                        .toList();
        assertEquals(List.of("MaxPool", "Identity"), ops);
        assertEquals(
                List.of(1L, 1L, 1L, 1L),
                TfjsToOnnxTest.attribute(cleaned, "MaxPool", "pads").getIntsList());
    }

    @Test
    void convolvesEachChannelWithItsOwnFiltersInADepthwiseConvolution() throws Exception {
        float[] x = sequence(4 * 4 * 2, 0.3f);
        float[] filter = sequence(3 * 3 * 2 * 2, -0.2f); // [3, 3, 2 channels, multiplier 2]
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 4, 4, 2)
                        .floats("w", new long[] {3, 3, 2, 2}, filter)
                        .node(
                                "Identity",
                                "DepthwiseConv2dNative",
                                List.of("x", "w"),
                                same(1).build())
                        .output("Identity")
                        .write(dir);
        float[] expected = depthwise(x, filter, new float[4]);

        for (ConversionResult result :
                List.of(TfjsToOnnx.convertLiteral(model), TfjsToOnnx.convert(model))) {
            OnnxRun.Output out =
                    OnnxRun.floats(result.onnxModel(), "x", x, 1, 4, 4, 2).get("Identity");
            assertArrayEquals(new long[] {1, 4, 4, 4}, out.shape());
            assertArrayEquals(expected, out.floats(), 1e-5f);
        }
        assertEquals(
                2L, TfjsToOnnxTest.attribute(TfjsToOnnx.convert(model), "Conv", "group").getI());
    }

    @Test
    void takesAFusedDepthwiseConvolutionApartAndFoldsItsBiasIntoConv() throws Exception {
        float[] x = sequence(4 * 4 * 2, 2.5f);
        float[] filter = sequence(3 * 3 * 2 * 2, 0.4f);
        float[] bias = {0.5f, -30f, 1f, -0.25f};
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 4, 4, 2)
                        .floats("w", new long[] {3, 3, 2, 2}, filter)
                        .floats("b", new long[] {4}, bias)
                        .node(
                                "Identity",
                                "FusedDepthwiseConv2dNative",
                                List.of("x", "w", "b"),
                                fused(same(1), "BiasAdd", "Relu6"))
                        .output("Identity")
                        .write(dir);
        float[] expected = depthwise(x, filter, bias);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.min(Math.max(expected[i], 0), 6);
        }

        ConversionResult result = TfjsToOnnx.convert(model);

        OnnxRun.Output out = OnnxRun.floats(result.onnxModel(), "x", x, 1, 4, 4, 2).get("Identity");
        assertArrayEquals(expected, out.floats(), 1e-5f);
        boolean low = false;
        boolean high = false;
        for (float v : expected) {
            low |= v == 0;
            high |= v == 6;
        }
        assertTrue(low && high, "the test data reaches both bounds");
        assertEquals(3, TfjsToOnnxTest.node(result, "Conv").getInputCount(), "bias folded");
        assertEquals(List.of("Conv", "Clip"), opTypesWithoutTransposes(result));
    }

    @Test
    void takesAFusedConvolutionWithReluApart() throws Exception {
        float[] x = sequence(5 * 5 * 2, 0.1f);
        float[] filter = sequence(3 * 3 * 2 * 3, -0.05f);
        float[] bias = {0.5f, -1f, 2f};
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 5, 5, 2)
                        .floats("w", new long[] {3, 3, 2, 3}, filter)
                        .floats("b", new long[] {3}, bias)
                        .node(
                                "Identity",
                                "_FusedConv2D",
                                List.of("x", "w", "b"),
                                fused(same(2), "BiasAdd", "Relu"))
                        .output("Identity")
                        .write(dir);
        float[] expected = sameConvolution(x, filter, bias);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.max(expected[i], 0);
        }

        for (ConversionResult result :
                List.of(TfjsToOnnx.convertLiteral(model), TfjsToOnnx.convert(model))) {
            OnnxRun.Output out =
                    OnnxRun.floats(result.onnxModel(), "x", x, 1, 5, 5, 2).get("Identity");
            assertArrayEquals(expected, out.floats(), 1e-5f);
        }
        assertEquals(List.of("Conv", "Relu"), opTypesWithoutTransposes(TfjsToOnnx.convert(model)));
    }

    @Test
    void refusesAFusedBatchNormalisation() throws Exception {
        Path model =
                new TinyTfjsModel()
                        .input("x", 1, 2, 2, 1)
                        .floats("w", new long[] {1, 1, 1, 1}, 1)
                        .floats("scale", new long[] {1}, 1)
                        .floats("offset", new long[] {1}, 0)
                        .node(
                                "Identity",
                                "_FusedConv2D",
                                List.of("x", "w", "scale", "offset"),
                                fused(same(1), "FusedBatchNorm", "Relu"))
                        .output("Identity")
                        .write(dir);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> TfjsToOnnx.convert(model));

        assertEquals(
                "The model's node 'Identity' (_FusedConv2D) fuses [FusedBatchNorm, Relu] with 2"
                        + " extra inputs; only BiasAdd, optionally followed by Relu, Relu6 or"
                        + " LeakyRelu, is supported.",
                e.getMessage());
    }

    private static Attrs same(int stride) {
        return new Attrs()
                .type("T", "DT_FLOAT")
                .s("padding", "SAME")
                .s("data_format", "NHWC")
                .ints("strides", 1, stride, stride, 1)
                .ints("dilations", 1, 1, 1, 1);
    }

    private static jakarta.json.JsonObject fused(Attrs attrs, String... ops) {
        return attrs.strings("fused_ops", ops).i("num_args", ops.length == 0 ? 0 : 1).build();
    }

    private static List<String> opTypesWithoutTransposes(ConversionResult result) throws Exception {
        return ModelProto.parseFrom(result.onnxModel()).getGraph().getNodeList().stream()
                .map(NodeProto::getOpType)
                .filter(op -> !op.equals("Transpose"))
                .toList();
    }

    /**
     * TF DepthwiseConv2dNative, NHWC 4x4x2 input, [3, 3, 2, 2] filter, stride 1, SAME: output
     * channel c * 2 + m is input channel c convolved with filter (c, m).
     */
    private static float[] depthwise(float[] x, float[] filter, float[] bias) {
        float[] out = new float[4 * 4 * 4];
        for (int oh = 0; oh < 4; oh++) {
            for (int ow = 0; ow < 4; ow++) {
                for (int c = 0; c < 2; c++) {
                    for (int m = 0; m < 2; m++) {
                        float sum = bias[c * 2 + m];
                        for (int kh = 0; kh < 3; kh++) {
                            for (int kw = 0; kw < 3; kw++) {
                                int h = oh + kh - 1;
                                int w = ow + kw - 1;
                                if (h >= 0 && h < 4 && w >= 0 && w < 4) {
                                    sum +=
                                            x[(h * 4 + w) * 2 + c]
                                                    * filter[((kh * 3 + kw) * 2 + c) * 2 + m];
                                }
                            }
                        }
                        out[(oh * 4 + ow) * 4 + c * 2 + m] = sum;
                    }
                }
            }
        }
        return out;
    }

    /** start, start - 0.37, start - 0.74, ...: distinct values of both signs. */
    private static float[] sequence(int length, float start) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = start + (i % 7) * 0.37f - (i % 3) * 0.21f;
        }
        return values;
    }

    /** TF Conv2D, NHWC 5x5x2 input, HWIO 3x3x2x3 filter, stride 2, SAME: pad 1 on every side. */
    private static float[] sameConvolution(float[] x, float[] filter, float[] bias) {
        float[] out = new float[3 * 3 * 3];
        for (int oh = 0; oh < 3; oh++) {
            for (int ow = 0; ow < 3; ow++) {
                for (int co = 0; co < 3; co++) {
                    float sum = bias[co];
                    for (int kh = 0; kh < 3; kh++) {
                        for (int kw = 0; kw < 3; kw++) {
                            int h = oh * 2 + kh - 1;
                            int w = ow * 2 + kw - 1;
                            if (h < 0 || h >= 5 || w < 0 || w >= 5) {
                                continue;
                            }
                            for (int ci = 0; ci < 2; ci++) {
                                sum +=
                                        x[(h * 5 + w) * 2 + ci]
                                                * filter[((kh * 3 + kw) * 2 + ci) * 3 + co];
                            }
                        }
                    }
                    out[(oh * 3 + ow) * 3 + co] = sum;
                }
            }
        }
        return out;
    }
}
