package de.kihub.registry.artifact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-encoded ONNX models for tests, so no exporter or protobuf library is needed. Field numbers
 * follow onnx.proto.
 */
public final class TestOnnx {
    private static final int FLOAT = 1;

    private TestOnnx() {}

    /**
     * {@code y = Identity(x)} for a float tensor of shape [1, 3]: ir_version 8, opset 13 of the
     * default domain.
     */
    public static byte[] identityModel() {
        Message graph =
                new Message()
                        .message(
                                1, // node
                                new Message()
                                        .string(1, "x") // input
                                        .string(2, "y") // output
                                        .string(3, "identity") // name
                                        .string(4, "Identity")) // op_type
                        .string(2, "identity-graph") // name
                        .message(11, valueInfo("x")) // input
                        .message(12, valueInfo("y")); // output
        return new Message()
                .varint(1, 8) // ir_version
                .string(2, "kihub-test") // producer_name
                .string(3, "1") // producer_version
                .message(7, graph) // graph
                .message(8, new Message().string(1, "").varint(2, 13)) // opset_import
                .toBytes();
    }

    /** A well-formed protobuf message that is not an ONNX model: it has no graph. */
    public static byte[] modelWithoutGraph() {
        return new Message().varint(1, 8).string(2, "kihub-test").toBytes();
    }

    /** A model whose graph has a name and an input but neither nodes nor outputs. */
    public static byte[] modelWithIdleGraph() {
        Message graph = new Message().string(2, "idle").message(11, valueInfo("x"));
        return new Message().varint(1, 8).message(7, graph).toBytes();
    }

    private static Message valueInfo(String name) {
        Message shape =
                new Message()
                        .message(1, new Message().varint(1, 1)) // dim { dim_value: 1 }
                        .message(1, new Message().varint(1, 3)); // dim { dim_value: 3 }
        Message tensorType = new Message().varint(1, FLOAT).message(2, shape);
        return new Message()
                .string(1, name) // name
                .message(2, new Message().message(1, tensorType)); // type { tensor_type }
    }

    /** Writes protobuf wire format: varints and length-delimited fields are all ONNX needs. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return bytes(field, value.toBytes());
        }

        Message bytes(int field, byte[] value) {
            writeVarint((long) field << 3 | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void writeVarint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
