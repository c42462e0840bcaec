package de.kihub.services.modelimport;

import java.util.List;
import java.util.Map;

/**
 * Type casts and floor division. They are element-wise too, but TF rounds integer quotients down
 * while ONNX Div truncates towards zero, so they need more than a rename. CenterNet uses them to
 * turn a flat top-k index into class, column and row.
 */
final class ArithmeticOps {
    private ArithmeticOps() {}

    static void register(Map<String, OpMapping> table) {
        table.put("Cast", ArithmeticOps::cast);
        table.put("FloorDiv", ArithmeticOps::floorDiv);
        table.put("FloorMod", ArithmeticOps::floorMod);
    }

    private static void cast(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        String target = node.type("DstT");
        DataType type = target == null ? null : DataType.fromTensorFlow(target);
        if (type == null) {
            throw node.fail("casts to " + target + ", not to float, int32, int64 or bool");
        }
        String input = c.input(node, 0);
        c.emit("Cast", List.of(input), c.output(node, 0, type, x.shape()))
                .set("to", type.onnxCode());
    }

    /**
     * floor(a / b). For integers, ONNX Mod without fmod takes the divisor's sign as TF's FloorMod
     * does, so a - mod(a, b) is an exact multiple of b and the truncating Div rounds it right.
     */
    private static void floorDiv(TfNode node, Conversion c) {
        DataType type = operands(node, c);
        long[] shape = broadcastShape(node, c);
        String a = c.input(node, 0);
        String b = c.input(node, 1);
        String output = c.output(node, 0, type, shape);
        if (type == DataType.FLOAT) {
            String quotient = c.fresh(node.name() + "_quotient");
            c.emit("Div", List.of(a, b), quotient);
            c.emit("Floor", List.of(quotient), output);
            return;
        }
        String remainder = c.fresh(node.name() + "_remainder");
        String multiple = c.fresh(node.name() + "_multiple");
        c.emit("Mod", List.of(a, b), remainder).set("fmod", 0L);
        c.emit("Sub", List.of(a, remainder), multiple);
        c.emit("Div", List.of(multiple, b), output);
    }

    /** a - floor(a / b) * b for integers: ONNX Mod with fmod = 0 (the divisor's sign). */
    private static void floorMod(TfNode node, Conversion c) {
        DataType type = operands(node, c);
        if (type == DataType.FLOAT) {
            throw node.fail("works on float values, but only integers are supported");
        }
        long[] shape = broadcastShape(node, c);
        List<String> inputs = List.of(c.input(node, 0), c.input(node, 1));
        c.emit("Mod", inputs, c.output(node, 0, type, shape)).set("fmod", 0L);
    }

    private static DataType operands(TfNode node, Conversion c) {
        DataType a = c.value(node, 0).type();
        DataType b = c.value(node, 1).type();
        if (a != b || a == DataType.BOOL) {
            throw node.fail("divides " + a + " by " + b + " values");
        }
        return a;
    }

    private static long[] broadcastShape(TfNode node, Conversion c) {
        long[] a = c.value(node, 0).shape();
        long[] b = c.value(node, 1).shape();
        long[] shape = Shapes.broadcast(a, b);
        if (shape == null) {
            throw node.fail(
                    "divides shapes "
                            + Shapes.format(a)
                            + " and "
                            + Shapes.format(b)
                            + ", which do not broadcast");
        }
        return shape;
    }
}
