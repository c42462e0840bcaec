package de.kihub.registry.artifact;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hand-encoded ONNX models for tests, so that no exporter, protobuf library or binary fixture is
 * needed. Field numbers follow onnx.proto (ModelProto, GraphProto, NodeProto, ...). Shared with the
 * services and deploy tests through this module's test jar.
 */
public final class TestOnnx {
    private static final int FLOAT = 1;

    private TestOnnx() {}

    /** {@code y = Identity(x)} for float tensors of shape [1, 3]: ir_version 8, opset 13. */
    public static byte[] identityModel() {
        return identity(List.of(1L, 3L));
    }

    /** A well-formed protobuf message that is not an ONNX model: it has no graph. */
    public static byte[] modelWithoutGraph() {
        return new Proto().varint(1, 8).string(2, "kihub-test").toBytes();
    }

    /** A model whose graph has a name and an input but neither nodes nor outputs. */
    public static byte[] modelWithIdleGraph() {
        byte[] graph =
                new Proto().string(2, "idle").bytes(11, valueInfo("x", List.of(1L, 3L))).toBytes();
        return new Proto().varint(1, 8).bytes(7, graph).toBytes();
    }

    /** {@code y = Identity(x)} with x and y float tensors of the given dims (Long or String). */
    public static byte[] identity(List<?> dims) {
        return model(node("Identity", List.of("x"), "y"), dims);
    }

    /** An {@code Add} node whose second operand is not defined anywhere in the graph. */
    public static byte[] addWithMissingInput() {
        return model(node("Add", List.of("x", "nowhere"), "y"), List.of(1L, 3L));
    }

    /** A node whose operator does not exist in the default ONNX domain. */
    public static byte[] unknownOperator() {
        return model(node("NoSuchOperator", List.of("x"), "y"), List.of(1L, 3L));
    }

    /**
     * A tiny but real image classifier: the mean of each colour channel over the image ({@code
     * ReduceMean}), then {@code Gemm}: {@code logits[k] = sum_c mean[c] * weights[c][k] + bias[k]}.
     * Input {@code x} is float with {@code inputDims} (NCHW such as [1, 3, 32, 32], or NHWC with
     * {@code channelsLast}); output {@code logits} is declared with {@code outputDims} (Long or
     * String for a symbolic dimension) and holds one score per column of {@code weights}.
     */
    public static byte[] meanColourClassifier(
            List<?> inputDims,
            boolean channelsLast,
            float[][] weights,
            float[] bias,
            List<?> outputDims) {
        int classes = bias.length;
        float[] w = new float[weights.length * classes];
        for (int c = 0; c < weights.length; c++) {
            System.arraycopy(weights[c], 0, w, c * classes, classes);
        }
        byte[] mean =
                new Proto()
                        .string(1, "x")
                        .string(2, "m")
                        .string(3, "mean")
                        .string(4, "ReduceMean")
                        .bytes(
                                5,
                                intsAttribute(
                                        "axes",
                                        channelsLast ? new long[] {1, 2} : new long[] {2, 3}))
                        .bytes(
                                5,
                                new Proto()
                                        .string(1, "keepdims")
                                        .varint(3, 0)
                                        .varint(20, 2)
                                        .toBytes())
                        .toBytes();
        byte[] gemm =
                new Proto()
                        .string(1, "m")
                        .string(1, "w")
                        .string(1, "b")
                        .string(2, "logits")
                        .string(3, "gemm")
                        .string(4, "Gemm")
                        .toBytes();
        byte[] graph =
                new Proto()
                        .bytes(1, mean)
                        .bytes(1, gemm)
                        .string(2, "mean-colour-classifier")
                        .bytes(5, floatTensor("w", new long[] {weights.length, classes}, w))
                        .bytes(5, floatTensor("b", new long[] {classes}, bias))
                        .bytes(11, valueInfo("x", inputDims))
                        .bytes(12, valueInfo("logits", outputDims))
                        .toBytes();
        byte[] opset = new Proto().string(1, "").varint(2, 13).toBytes();
        return new Proto()
                .varint(1, 8)
                .string(2, "kihub-test")
                .bytes(7, graph)
                .bytes(8, opset)
                .toBytes();
    }

    private static byte[] intsAttribute(String name, long[] values) {
        Proto attribute = new Proto().string(1, name);
        for (long value : values) {
            attribute.varint(8, value);
        }
        return attribute.varint(20, 7).toBytes();
    }

    /** A float initializer with its values as little-endian raw data. */
    private static byte[] floatTensor(String name, long[] dims, float[] values) {
        Proto tensor = new Proto();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            raw.putFloat(value);
        }
        return tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array()).toBytes();
    }

    private static byte[] model(byte[] node, List<?> dims) {
        byte[] graph =
                new Proto()
                        .bytes(1, node)
                        .string(2, "g")
                        .bytes(11, valueInfo("x", dims))
                        .bytes(12, valueInfo("y", dims))
                        .toBytes();
        byte[] opset = new Proto().string(1, "").varint(2, 13).toBytes();
        return new Proto()
                .varint(1, 8)
                .string(2, "kihub-test")
                .bytes(7, graph)
                .bytes(8, opset)
                .toBytes();
    }

    private static byte[] node(String opType, List<String> inputs, String output) {
        Proto node = new Proto();
        inputs.forEach(input -> node.string(1, input));
        return node.string(2, output).string(3, "n").string(4, opType).toBytes();
    }

    private static byte[] valueInfo(String name, List<?> dims) {
        Proto shape = new Proto();
        for (Object dim : dims) {
            shape.bytes(
                    1,
                    dim instanceof Long value
                            ? new Proto().varint(1, value).toBytes()
                            : new Proto().string(2, dim.toString()).toBytes());
        }
        byte[] tensor = new Proto().varint(1, FLOAT).bytes(2, shape.toBytes()).toBytes();
        byte[] type = new Proto().bytes(1, tensor).toBytes();
        return new Proto().string(1, name).bytes(2, type).toBytes();
    }

    /** The two protobuf wire types these messages need: varint (0) and length-delimited (2). */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto bytes(int field, byte[] value) {
            raw(((long) field << 3) | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
