package de.kihub.services.modelimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Ops that move, join, split or pad values. TF takes their parameters (perm, shape, axis, sizes,
 * paddings) as constant inputs; ONNX wants attributes or int64 inputs in its own layout.
 */
final class LayoutOps {
    private LayoutOps() {}

    static void register(Map<String, OpMapping> table) {
        table.put("Transpose", LayoutOps::transpose);
        table.put("Reshape", LayoutOps::reshape);
        table.put("ExpandDims", LayoutOps::expandDims);
        table.put("ConcatV2", LayoutOps::concat);
        table.put("SplitV", LayoutOps::split);
        table.put("Pad", LayoutOps::pad);
        table.put("PadV2", LayoutOps::pad);
    }

    private static void transpose(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        long[] perm = c.integers(node, 1, "permutation");
        long[] in = x.shape();
        boolean permutation =
                Arrays.equals(
                        LongStream.of(perm).sorted().toArray(),
                        LongStream.range(0, in.length).toArray());
        if (!permutation) {
            throw node.fail(
                    "has permutation "
                            + Arrays.toString(perm)
                            + ", which does not fit rank "
                            + in.length);
        }
        long[] shape = new long[in.length];
        for (int i = 0; i < perm.length; i++) {
            shape[i] = in[(int) perm[i]];
        }
        String input = c.input(node, 0);
        c.emit("Transpose", List.of(input), c.output(node, 0, x.type(), shape)).set("perm", perm);
    }

    private static void reshape(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        long[] target = c.integers(node, 1, "target shape");
        long[] shape = reshaped(node, x.shape(), target);
        List<String> inputs =
                List.of(
                        c.input(node, 0),
                        c.initializer(node.name() + "_shape", Tensor.int64Vector(target)));
        c.emit("Reshape", inputs, c.output(node, 0, x.type(), shape));
    }

    /** A new dimension of size 1 at a constant axis, counted in the result's rank. */
    private static void expandDims(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        long given = c.integer(node, 1, "axis");
        int axis = Shapes.axis(given, x.rank() + 1);
        if (axis < 0) {
            throw node.fail("inserts a dimension at " + given + ", outside rank " + (x.rank() + 1));
        }
        long[] in = x.shape();
        long[] shape = new long[in.length + 1];
        System.arraycopy(in, 0, shape, 0, axis);
        shape[axis] = 1;
        System.arraycopy(in, axis, shape, axis + 1, in.length - axis);
        List<String> inputs =
                List.of(
                        c.input(node, 0),
                        c.initializer(node.name() + "_axes", Tensor.int64Vector(axis)));
        c.emit("Unsqueeze", inputs, c.output(node, 0, x.type(), shape));
    }

    /**
     * The shape a TF Reshape produces, with its -1 resolved when the input shape is known. A 0 is
     * refused: TF means an empty dimension, but ONNX Reshape (without allowzero) copies the input's
     * dimension there.
     */
    static long[] reshaped(TfNode node, long[] input, long[] target) {
        int inferred = -1;
        long product = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 0) {
                throw node.fail(
                        "reshapes to "
                                + Arrays.toString(target)
                                + ", whose 0 means an empty dimension in TensorFlow but"
                                + " 'copy the input dimension' in ONNX; such a reshape is not"
                                + " supported");
            }
            if (target[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (target[i] < 0) {
                throw node.fail("reshapes to the invalid shape " + Arrays.toString(target));
            } else if (product > Integer.MAX_VALUE / Math.max(target[i], 1)) {
                throw node.fail("reshapes to the oversized shape " + Arrays.toString(target));
            } else {
                product *= target[i];
            }
        }
        long[] shape = target.clone();
        if (!Shapes.isKnown(input)) {
            return shape;
        }
        long count = Shapes.elementCount(input);
        if (inferred >= 0 && count % product == 0) {
            shape[inferred] = count / product;
        } else if (inferred >= 0 || product != count) {
            throw node.fail(
                    "cannot reshape " + Shapes.format(input) + " to " + Arrays.toString(target));
        }
        return shape;
    }

    private static void concat(TfNode node, Conversion c) {
        int count = node.inputs().size() - 1;
        if (count < 1 || node.integer("N", count) != count) {
            throw node.fail(
                    "has " + count + " values to join, but its N says " + node.integer("N", -1));
        }
        Conversion.Value first = c.value(node, 0);
        long given = c.integer(node, count, "axis");
        int axis = Shapes.axis(given, first.rank());
        if (axis < 0) {
            throw node.fail("joins along axis " + given + ", outside rank " + first.rank());
        }
        long[] shape = first.shape();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Conversion.Value value = c.value(node, i);
            long[] other = value.shape();
            if (value.type() != first.type() || other.length != shape.length) {
                throw node.fail("joins values of different types or ranks");
            }
            for (int d = 0; d < shape.length; d++) {
                if (d != axis && other[d] != shape[d] && other[d] >= 0 && shape[d] >= 0) {
                    throw node.fail("joins values whose dimension " + d + " differs");
                }
            }
            if (i > 0) {
                shape[axis] = shape[axis] < 0 || other[axis] < 0 ? -1 : shape[axis] + other[axis];
            }
            inputs.add(c.input(node, i));
        }
        c.emit("Concat", inputs, c.output(node, 0, first.type(), shape)).set("axis", axis);
    }

    private static void split(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        long[] sizes = c.integers(node, 1, "split sizes");
        long given = c.integer(node, 2, "axis");
        int axis = Shapes.axis(given, x.rank());
        if (axis < 0) {
            throw node.fail("splits along axis " + given + ", outside rank " + x.rank());
        }
        if (sizes.length == 0 || node.integer("num_split", sizes.length) != sizes.length) {
            throw node.fail(
                    "has " + sizes.length + " split sizes, which its num_split contradicts");
        }
        long dim = x.shape()[axis];
        resolveSplitSizes(node, sizes, dim);
        String input = c.input(node, 0);
        String[] outputs = new String[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            long[] shape = x.shape();
            shape[axis] = sizes[i];
            outputs[i] = c.output(node, i, x.type(), shape);
        }
        String split = c.initializer(node.name() + "_split", Tensor.int64Vector(sizes));
        c.emit("Split", List.of(input, split), outputs).set("axis", axis);
    }

    /** Replaces TF's one allowed -1 by what is left of the dimension; checks the sum. */
    private static void resolveSplitSizes(TfNode node, long[] sizes, long dim) {
        int inferred = -1;
        long sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (sizes[i] < 0) {
                throw node.fail("has invalid split sizes " + Arrays.toString(sizes));
            } else {
                sum += sizes[i];
            }
        }
        if (inferred >= 0) {
            if (dim < 0 || sum > dim) {
                throw node.fail("cannot infer the -1 split size of a dimension of " + dim);
            }
            sizes[inferred] = dim - sum;
        } else if (dim >= 0 && sum != dim) {
            throw node.fail("splits a dimension of " + dim + " into parts that add up to " + sum);
        }
    }

    private static void pad(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        Tensor paddings = c.constant(node, 1, "paddings");
        long[] values = c.integers(node, 1, "paddings");
        int rank = x.rank();
        if (!Arrays.equals(paddings.shape(), new long[] {rank, 2})) {
            throw node.fail(
                    "has paddings of shape "
                            + Shapes.format(paddings.shape())
                            + " for rank "
                            + rank
                            + ", not ["
                            + rank
                            + ", 2]");
        }
        // TF: one (before, after) row per dimension. ONNX: all befores, then all afters.
        long[] pads = new long[2 * rank];
        long[] shape = x.shape();
        for (int d = 0; d < rank; d++) {
            pads[d] = values[2 * d];
            pads[rank + d] = values[2 * d + 1];
            if (pads[d] < 0 || pads[rank + d] < 0) {
                throw node.fail("has negative paddings " + Arrays.toString(values));
            }
            shape[d] = shape[d] < 0 ? -1 : shape[d] + pads[d] + pads[rank + d];
        }
        List<String> inputs = new ArrayList<>();
        inputs.add(c.input(node, 0));
        inputs.add(c.initializer(node.name() + "_pads", Tensor.int64Vector(pads)));
        if (node.op().equals("PadV2")) {
            inputs.add(c.initializer(node.name() + "_value", padValue(node, c, x.type())));
        }
        c.emit("Pad", inputs, c.output(node, 0, x.type(), shape)).set("mode", "constant");
    }

    /**
     * PadV2's fill value as a scalar of the padded type (NanoDet pads with -inf before MaxPool).
     */
    private static Tensor padValue(TfNode node, Conversion c, DataType type) {
        Tensor value = c.constant(node, 2, "fill value");
        if (value.size() != 1 || value.type() != type) {
            throw node.fail("needs a single " + type + " fill value");
        }
        return type == DataType.FLOAT
                ? Tensor.floatScalar(value.floats()[0])
                : Tensor.ofLongs(type, new long[0], new long[] {value.longs()[0]});
    }
}
