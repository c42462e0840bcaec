package de.kihub.services.modelimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ops that pick values out of a tensor: slices, gathers and the k largest. TF gives begin, end,
 * axis and k as constant inputs and masks as bit fields; ONNX wants int64 inputs and attributes.
 */
final class SelectionOps {
    private SelectionOps() {}

    static void register(Map<String, OpMapping> table) {
        table.put("StridedSlice", SelectionOps::stridedSlice);
        table.put("GatherV2", SelectionOps::gather);
        table.put("TopKV2", SelectionOps::topK);
    }

    /**
     * x[begin:end:stride] per dimension, Python style. A begin or end mask bit means "from the
     * start" or "to the end" in the stride's direction; a shrink bit takes one index and drops the
     * dimension. Ellipsis and new-axis masks are refused.
     */
    private static void stridedSlice(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        long[] begin = c.integers(node, 1, "begin");
        long[] end = c.integers(node, 2, "end");
        long[] strides = c.integers(node, 3, "strides");
        long beginMask = node.integer("begin_mask", 0);
        long endMask = node.integer("end_mask", 0);
        long shrinkMask = node.integer("shrink_axis_mask", 0);
        if (node.integer("ellipsis_mask", 0) != 0 || node.integer("new_axis_mask", 0) != 0) {
            throw node.fail("uses an ellipsis or new-axis mask, which is not supported");
        }
        int n = begin.length;
        if (end.length != n || strides.length != n || n > x.rank()) {
            throw node.fail(
                    "has begin, end and strides of lengths "
                            + n
                            + ", "
                            + end.length
                            + " and "
                            + strides.length
                            + " for rank "
                            + x.rank());
        }
        long[] in = x.shape();
        long[] starts = new long[n];
        long[] ends = new long[n];
        long[] shape = in.clone();
        List<Long> dropped = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            long s = strides[d];
            boolean shrink = (shrinkMask >> d & 1) != 0;
            if (s == 0 || shrink && s != 1) {
                throw node.fail("has stride " + s + " in dimension " + d);
            }
            if (shrink) {
                // one index; -1 needs an open end, as [-1:0] would be empty
                starts[d] = begin[d];
                ends[d] = begin[d] == -1 ? Long.MAX_VALUE : begin[d] + 1;
                dropped.add((long) d);
            } else {
                starts[d] = (beginMask >> d & 1) != 0 ? (s > 0 ? 0 : Long.MAX_VALUE) : begin[d];
                ends[d] =
                        (endMask >> d & 1) != 0
                                ? (s > 0 ? Long.MAX_VALUE : Long.MIN_VALUE)
                                : end[d];
            }
            shape[d] = in[d] < 0 ? -1 : sliceLength(starts[d], ends[d], s, in[d]);
            if (shrink && shape[d] == 0) {
                throw node.fail("takes index " + begin[d] + " of a dimension of " + in[d]);
            }
        }
        long[] axes = new long[n];
        Arrays.setAll(axes, d -> d);
        List<String> inputs =
                List.of(
                        c.input(node, 0),
                        c.initializer(node.name() + "_starts", Tensor.int64Vector(starts)),
                        c.initializer(node.name() + "_ends", Tensor.int64Vector(ends)),
                        c.initializer(node.name() + "_axes", Tensor.int64Vector(axes)),
                        c.initializer(node.name() + "_steps", Tensor.int64Vector(strides)));
        if (dropped.isEmpty()) {
            c.emit("Slice", inputs, c.output(node, 0, x.type(), shape));
            return;
        }
        String sliced = c.fresh(node.name() + "_sliced");
        c.emit("Slice", inputs, sliced);
        long[] kept = new long[shape.length - dropped.size()];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (!dropped.contains((long) d)) {
                kept[k++] = shape[d];
            }
        }
        long[] squeezed = dropped.stream().mapToLong(Long::longValue).toArray();
        String axesName = c.initializer(node.name() + "_squeeze", Tensor.int64Vector(squeezed));
        c.emit("Squeeze", List.of(sliced, axesName), c.output(node, 0, x.type(), kept));
    }

    /** How many elements [start:end:step] selects from a dimension, clamped as Python does. */
    static long sliceLength(long start, long end, long step, long dim) {
        if (step > 0) {
            long from = clamp(start < 0 ? start + dim : start, 0, dim);
            long to = clamp(end < 0 ? end + dim : end, 0, dim);
            return Math.max(0, (to - from + step - 1) / step);
        }
        long from = clamp(start < 0 ? start + dim : start, -1, dim - 1);
        long to = clamp(end < 0 ? end + dim : end, -1, dim - 1);
        return Math.max(0, (from - to - step - 1) / -step);
    }

    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(value, high));
    }

    /** params gathered along a constant axis; batch_dims other than 0 are refused. */
    private static void gather(TfNode node, Conversion c) {
        Conversion.Value params = c.value(node, 0);
        Conversion.Value indices = c.value(node, 1);
        long given = c.integer(node, 2, "axis");
        int axis = Shapes.axis(given, params.rank());
        if (axis < 0 || node.integer("batch_dims", 0) != 0 || !indices.type().isInteger()) {
            throw node.fail(
                    "gathers along axis "
                            + given
                            + " of rank "
                            + params.rank()
                            + " with batch_dims "
                            + node.integer("batch_dims", 0)
                            + " and "
                            + indices.type()
                            + " indices; only integer indices with batch_dims 0 are supported");
        }
        long[] p = params.shape();
        long[] i = indices.shape();
        long[] shape = new long[p.length - 1 + i.length];
        System.arraycopy(p, 0, shape, 0, axis);
        System.arraycopy(i, 0, shape, axis, i.length);
        System.arraycopy(p, axis + 1, shape, axis + i.length, p.length - axis - 1);
        List<String> inputs = List.of(c.input(node, 0), c.input(node, 1));
        c.emit("Gather", inputs, c.output(node, 0, params.type(), shape)).set("axis", axis);
    }

    /**
     * The k largest values along the last axis, largest first, and their indices. Both TF and ONNX
     * put the lower index first among equal values. ONNX's indices are int64; TF's are int32 unless
     * index_type says otherwise, so they are cast.
     */
    private static void topK(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        long k = c.integer(node, 1, "k");
        long[] shape = x.shape();
        int last = shape.length - 1;
        if (last < 0 || k < 0 || shape[last] >= 0 && shape[last] < k) {
            throw node.fail("takes the top " + k + " of a tensor of shape " + Shapes.format(shape));
        }
        String indexTypeName = node.type("index_type");
        DataType indexType =
                indexTypeName == null ? DataType.INT32 : DataType.fromTensorFlow(indexTypeName);
        if (indexType == null || !indexType.isInteger()) {
            throw node.fail("gives indices of type " + indexTypeName);
        }
        shape[last] = k;
        String values = c.output(node, 0, x.type(), shape);
        String indices = c.output(node, 1, indexType, shape);
        boolean narrow = indexType != DataType.INT64;
        String wide = narrow ? c.fresh(node.name() + "_indices") : indices;
        List<String> inputs =
                List.of(c.input(node, 0), c.initializer(node.name() + "_k", Tensor.int64Vector(k)));
        c.emit("TopK", inputs, values, wide)
                .set("axis", (long) last)
                .set("largest", 1L)
                .set("sorted", 1L);
        if (narrow) {
            c.emit("Cast", List.of(wide), indices).set("to", indexType.onnxCode());
        }
    }
}
