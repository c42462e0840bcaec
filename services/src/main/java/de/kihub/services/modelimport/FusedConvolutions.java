package de.kihub.services.modelimport;

import java.util.List;
import java.util.Map;

/**
 * TF's grappler fuses a convolution with its bias and activation into {@code _FusedConv2D}; tfjs
 * does the same for depthwise convolutions ({@code FusedDepthwiseConv2dNative}). They are taken
 * apart again into Conv, the bias Add and the activation; the clean-up then moves the bias into
 * Conv as for an unfused graph. Only BiasAdd, optionally followed by Relu, Relu6 or LeakyRelu, is
 * supported (batch-norm and PReLU fusions take more arguments).
 */
final class FusedConvolutions {
    private FusedConvolutions() {}

    static void register(Map<String, OpMapping> table) {
        table.put("_FusedConv2D", (node, c) -> fused(node, c, false));
        table.put("FusedDepthwiseConv2dNative", (node, c) -> fused(node, c, true));
    }

    private static void fused(TfNode node, Conversion c, boolean depthwise) {
        List<String> ops = node.strings("fused_ops");
        String activation = ops.size() == 2 ? ops.get(1) : null;
        boolean supported =
                (ops.size() == 1 || ops.size() == 2)
                        && ops.get(0).equals("BiasAdd")
                        && (activation == null
                                || List.of("Relu", "Relu6", "LeakyRelu").contains(activation));
        if (!supported || node.integer("num_args", 1) != 1 || node.inputs().size() != 3) {
            throw node.fail(
                    "fuses "
                            + ops
                            + " with "
                            + (node.inputs().size() - 2)
                            + " extra inputs; only BiasAdd, optionally followed by Relu, Relu6 or"
                            + " LeakyRelu, is supported");
        }
        String conv = c.fresh(node.name() + "_conv");
        long[] shape = SpatialOps.convolve(node, c, depthwise, s -> conv);
        Conversion.Value bias = c.value(node, 2);
        long channels = shape[channelAxis(node)];
        if (bias.type() != DataType.FLOAT || bias.rank() != 1 || bias.shape()[0] != channels) {
            throw node.fail(
                    "needs a float bias of "
                            + channels
                            + " values, not "
                            + Shapes.format(bias.shape()));
        }
        String biased =
                activation == null
                        ? c.output(node, 0, DataType.FLOAT, shape)
                        : c.fresh(node.name() + "_biased");
        // an NCHW bias broadcasts as [C, 1, 1]; TF on CPU only runs NHWC, so a constant will do
        String biasInput =
                channelAxis(node) == 3
                        ? c.input(node, 2)
                        : c.initializer(
                                node.name() + "_bias_chw",
                                c.constant(node, 2, "bias").reshaped(new long[] {channels, 1, 1}));
        c.emit("Add", List.of(conv, biasInput), biased);
        if (activation == null) {
            return;
        }
        String output = c.output(node, 0, DataType.FLOAT, shape);
        switch (activation) {
            case "Relu" -> c.emit("Relu", List.of(biased), output);
            case "Relu6" -> ElementwiseOps.emitRelu6(c, node.name(), biased, output);
            default ->
                    ElementwiseOps.emitLeakyRelu(
                            c,
                            biased,
                            output,
                            node.number("leakyrelu_alpha", ElementwiseOps.TF_LEAKY_RELU_ALPHA));
        }
    }

    private static int channelAxis(TfNode node) {
        return node.string("data_format", "NHWC").equals("NCHW") ? 1 : 3;
    }
}
