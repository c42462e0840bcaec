package de.kihub.services.modelimport;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Computes nodes whose inputs are all constants at conversion time. Required for SparseToDense,
 * which ONNX lacks: onnx-tf emits it to emulate ONNX Reshape's "0 copies the input dimension", and
 * tfjs has already folded its inputs into constants.
 */
final class ConstantFolding {
    static final Set<String> FOLDABLE =
            Set.of("Identity", "Add", "AddV2", "Reshape", "SparseToDense");

    /** Constants computed here may not grow past this many elements. */
    static final int MAX_ELEMENTS = 1 << 24;

    private ConstantFolding() {}

    static void register(Map<String, OpMapping> table) {
        table.put(
                "SparseToDense",
                (node, c) -> {
                    throw node.fail("is only supported with constant inputs");
                });
    }

    /** Whether the node can and should be computed now: all of its inputs are constants. */
    static boolean applies(TfNode node, Conversion c) {
        return FOLDABLE.contains(node.op()) && c.allInputsConstant(node);
    }

    static Tensor fold(TfNode node, Conversion c) {
        return switch (node.op()) {
            case "Identity" -> c.constant(node, 0, "value");
            case "Add", "AddV2" ->
                    add(node, c.constant(node, 0, "addend"), c.constant(node, 1, "addend"));
            case "Reshape" -> {
                Tensor x = c.constant(node, 0, "value");
                long[] target = c.integers(node, 1, "target shape");
                yield x.reshaped(LayoutOps.reshaped(node, x.shape(), target));
            }
            case "SparseToDense" -> sparseToDense(node, c);
            default -> throw new IllegalStateException("not foldable: " + node.op());
        };
    }

    private static Tensor add(TfNode node, Tensor a, Tensor b) {
        long[] shape = Shapes.broadcast(a.shape(), b.shape());
        if (shape == null
                || a.type() != b.type() && !(a.type().isInteger() && b.type().isInteger())) {
            throw node.fail(
                    "adds "
                            + a.type()
                            + " "
                            + Shapes.format(a.shape())
                            + " and "
                            + b.type()
                            + " "
                            + Shapes.format(b.shape()));
        }
        int count = checkedCount(node, shape);
        int[] ia = sourceIndices(shape, a.shape(), count);
        int[] ib = sourceIndices(shape, b.shape(), count);
        if (a.type() == DataType.FLOAT) {
            float[] sum = new float[count];
            for (int i = 0; i < count; i++) {
                sum[i] = a.floats()[ia[i]] + b.floats()[ib[i]];
            }
            return Tensor.ofFloats(shape, sum);
        }
        DataType type =
                a.type() == DataType.INT64 || b.type() == DataType.INT64
                        ? DataType.INT64
                        : DataType.INT32;
        long[] sum = new long[count];
        for (int i = 0; i < count; i++) {
            long value = a.longs()[ia[i]] + b.longs()[ib[i]];
            sum[i] = type == DataType.INT32 ? (int) value : value;
        }
        return Tensor.ofLongs(type, shape, sum);
    }

    /** For each element of the broadcast result, the element of the input it reads. */
    private static int[] sourceIndices(long[] result, long[] input, int count) {
        int rank = result.length;
        int offset = rank - input.length;
        long[] strides = new long[rank];
        long stride = 1;
        for (int d = rank - 1; d >= offset; d--) {
            strides[d] = input[d - offset] == 1 ? 0 : stride;
            stride *= input[d - offset];
        }
        int[] indices = new int[count];
        long[] position = new long[rank];
        for (int i = 0; i < count; i++) {
            long source = 0;
            for (int d = 0; d < rank; d++) {
                source += position[d] * strides[d];
            }
            indices[i] = (int) source;
            for (int d = rank - 1; d >= 0 && ++position[d] == result[d]; d--) {
                position[d] = 0;
            }
        }
        return indices;
    }

    /**
     * TF SparseToDense(indices, output_shape, values, default): a tensor of the default value with
     * the listed positions set. Indices are a scalar, a vector (for a 1-D result) or [n, rank].
     */
    private static Tensor sparseToDense(TfNode node, Conversion c) {
        Tensor indices = c.constant(node, 0, "indices");
        long[] shape = c.integers(node, 1, "output shape");
        Tensor values = c.constant(node, 2, "values");
        Tensor fallback = c.constant(node, 3, "default value");
        if (!indices.type().isInteger()
                || fallback.size() != 1
                || values.type() != fallback.type()) {
            throw node.fail("has indices, values or a default of unsupported types or sizes");
        }
        int rank = shape.length;
        long[] layout = indices.shape();
        // [n, rank] lists n positions; a vector is n positions of a 1-D result or one position
        long n = indices.rank() == 2 ? layout[0] : indices.rank() == 1 && rank == 1 ? layout[0] : 1;
        long width =
                indices.rank() == 2 ? layout[1] : indices.rank() == 1 && rank != 1 ? layout[0] : 1;
        if (indices.rank() > 2
                || (n > 0 && width != rank)
                || (values.size() != 1 && values.size() != n)) {
            throw node.fail(
                    "has indices "
                            + Shapes.format(indices.shape())
                            + " and values "
                            + Shapes.format(values.shape())
                            + " that do not fit the output shape "
                            + Arrays.toString(shape));
        }
        int count = checkedCount(node, shape);
        long[] positions = new long[(int) n];
        for (int k = 0; k < n; k++) {
            long flat = 0;
            for (int d = 0; d < rank; d++) {
                long index = indices.longs()[(int) (k * width + d)];
                if (index < 0 || index >= shape[d]) {
                    throw node.fail(
                            "has index "
                                    + index
                                    + " outside the output shape "
                                    + Arrays.toString(shape));
                }
                flat = flat * shape[d] + index;
            }
            positions[k] = flat;
        }
        if (values.type() == DataType.FLOAT) {
            float[] dense = new float[count];
            Arrays.fill(dense, fallback.floats()[0]);
            for (int k = 0; k < n; k++) {
                dense[(int) positions[k]] = values.floats()[values.size() == 1 ? 0 : k];
            }
            return Tensor.ofFloats(shape, dense);
        }
        long[] dense = new long[count];
        Arrays.fill(dense, fallback.longs()[0]);
        for (int k = 0; k < n; k++) {
            dense[(int) positions[k]] = values.longs()[values.size() == 1 ? 0 : k];
        }
        return Tensor.ofLongs(values.type(), shape, dense);
    }

    private static int checkedCount(TfNode node, long[] shape) {
        try {
            int count = Shapes.elementCount(shape);
            if (count <= MAX_ELEMENTS) {
                return count;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // reported below
        }
        throw node.fail(
                "would compute a constant of shape "
                        + Shapes.format(shape)
                        + ", which is too large");
    }
}
