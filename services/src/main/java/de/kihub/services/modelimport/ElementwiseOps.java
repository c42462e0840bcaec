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
        table.put("LeakyRelu", ElementwiseOps::leakyRelu);
        table.put("Add", ElementwiseOps::add);
        table.put("AddV2", ElementwiseOps::add);
    }

    private static void unary(TfNode node, Conversion c, String opType, boolean floatOnly) {
        Conversion.Value x = c.value(node, 0);
        if (floatOnly && x.type() != DataType.FLOAT) {
            throw node.fail("works on " + x.type() + " values, but only float is supported");
        }
        String input = c.input(node, 0);
        c.emit(opType, List.of(input), c.output(node, 0, x.type(), x.shape()));
    }

    private static void leakyRelu(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        if (x.type() != DataType.FLOAT) {
            throw node.fail("works on " + x.type() + " values, but only float is supported");
        }
        float alpha = node.number("alpha", TF_LEAKY_RELU_ALPHA);
        String input = c.input(node, 0);
        c.emit("LeakyRelu", List.of(input), c.output(node, 0, x.type(), x.shape()))
                .set("alpha", alpha);
    }

    private static void add(TfNode node, Conversion c) {
        Conversion.Value a = c.value(node, 0);
        Conversion.Value b = c.value(node, 1);
        if (a.type() != b.type()) {
            throw node.fail("adds " + a.type() + " to " + b.type() + " values");
        }
        long[] shape = Shapes.broadcast(a.shape(), b.shape());
        if (shape == null) {
            throw node.fail(
                    "adds shapes "
                            + Shapes.format(a.shape())
                            + " and "
                            + Shapes.format(b.shape())
                            + ", which do not broadcast");
        }
        List<String> inputs = List.of(c.input(node, 0), c.input(node, 1));
        c.emit("Add", inputs, c.output(node, 0, a.type(), shape));
    }
}
