package de.kihub.services.modelimport;

import java.util.List;
import java.util.Map;

/** Ops that work element by element and keep their input's layout: nothing to translate. */
final class ElementwiseOps {
    /** TensorFlow's default; ONNX's is 0.01, so the mapping always writes alpha explicitly. */
    static final float TF_LEAKY_RELU_ALPHA = 0.2f;

    private ElementwiseOps() {}

    static void register(Map<String, OpMapping> table) {
        table.put("Identity", (node, c) -> unary(node, c, "Identity", false));
        table.put("Sigmoid", (node, c) -> unary(node, c, "Sigmoid", true));
        table.put("Relu", (node, c) -> unary(node, c, "Relu", true));
        table.put("Relu6", ElementwiseOps::relu6);
        table.put("LeakyRelu", ElementwiseOps::leakyRelu);
        table.put("Add", (node, c) -> binary(node, c, "Add"));
        table.put("AddV2", (node, c) -> binary(node, c, "Add"));
        table.put("Sub", (node, c) -> binary(node, c, "Sub"));
        table.put("Mul", (node, c) -> binary(node, c, "Mul"));
        table.put("Equal", (node, c) -> binary(node, c, "Equal"));
    }

    private static void unary(TfNode node, Conversion c, String opType, boolean floatOnly) {
        Conversion.Value x = c.value(node, 0);
        if (floatOnly) {
            requireFloat(node, x);
        }
        String input = c.input(node, 0);
        c.emit(opType, List.of(input), c.output(node, 0, x.type(), x.shape()));
    }

    private static void relu6(TfNode node, Conversion c) {
        Conversion.Value x = requireFloat(node, c.value(node, 0));
        emitRelu6(c, node.name(), c.input(node, 0), c.output(node, 0, x.type(), x.shape()));
    }

    private static void leakyRelu(TfNode node, Conversion c) {
        Conversion.Value x = requireFloat(node, c.value(node, 0));
        float alpha = node.number("alpha", TF_LEAKY_RELU_ALPHA);
        String input = c.input(node, 0);
        emitLeakyRelu(c, input, c.output(node, 0, x.type(), x.shape()), alpha);
    }

    /** min(max(x, 0), 6) as ONNX Clip, whose bounds are inputs since opset 11. */
    static void emitRelu6(Conversion c, String base, String input, String output) {
        String low = c.initializer(base + "_min", Tensor.floatScalar(0f));
        String high = c.initializer(base + "_max", Tensor.floatScalar(6f));
        c.emit("Clip", List.of(input, low, high), output);
    }

    static void emitLeakyRelu(Conversion c, String input, String output, float alpha) {
        c.emit("LeakyRelu", List.of(input), output).set("alpha", alpha);
    }

    /**
     * A broadcasting binary op; TF and ONNX broadcast alike. Equal gives booleans, the others the
     * inputs' type, which must be the same on both sides as TF requires.
     */
    private static void binary(TfNode node, Conversion c, String opType) {
        Conversion.Value a = c.value(node, 0);
        Conversion.Value b = c.value(node, 1);
        if (a.type() != b.type()) {
            throw node.fail("combines " + a.type() + " with " + b.type() + " values");
        }
        long[] shape = Shapes.broadcast(a.shape(), b.shape());
        if (shape == null) {
            throw node.fail(
                    "combines shapes "
                            + Shapes.format(a.shape())
                            + " and "
                            + Shapes.format(b.shape())
                            + ", which do not broadcast");
        }
        DataType type = opType.equals("Equal") ? DataType.BOOL : a.type();
        List<String> inputs = List.of(c.input(node, 0), c.input(node, 1));
        c.emit(opType, inputs, c.output(node, 0, type, shape));
    }

    static Conversion.Value requireFloat(TfNode node, Conversion.Value x) {
        if (x.type() != DataType.FLOAT) {
            throw node.fail("works on " + x.type() + " values, but only float is supported");
        }
        return x;
    }
}
