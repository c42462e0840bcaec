import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a valid ONNX model of about the requested size for the transfer benchmark: one Identity
 * node whose input is a float initializer "w" holding the bulk of the bytes (raw_data, streamed).
 * Run with: java deploy/bench/BigOnnx.java OUT.onnx SIZE_MIB
 */
public class BigOnnx {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long floats = Long.parseLong(args[1]) * 1024 * 1024 / 4;
        byte[] graphHead = graphWithoutInitializerData(floats);
        long rawLength = floats * 4;
        // TensorProto = dims(1) + data_type(2) + name(8) + raw_data(9, streamed)
        ByteArrayOutputStream tensorHead = new ByteArrayOutputStream();
        tag(tensorHead, 1, 0);
        varint(tensorHead, floats);
        tag(tensorHead, 2, 0);
        varint(tensorHead, 1);
        string(tensorHead, 8, "w");
        tag(tensorHead, 9, 2);
        varint(tensorHead, rawLength);
        long tensorLength = tensorHead.size() + rawLength;
        ByteArrayOutputStream initializerHead = new ByteArrayOutputStream();
        tag(initializerHead, 5, 2); // GraphProto.initializer
        varint(initializerHead, tensorLength);
        long graphLength = graphHead.length + initializerHead.size() + tensorLength;

        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            tag(model, 1, 0);
            varint(model, 8); // ir_version
            ByteArrayOutputStream opset = new ByteArrayOutputStream();
            string(opset, 1, "");
            tag(opset, 2, 0);
            varint(opset, 13);
            bytes(model, 8, opset.toByteArray());
            tag(model, 7, 2); // graph
            varint(model, graphLength);
            o.write(model.toByteArray());
            o.write(graphHead);
            o.write(initializerHead.toByteArray());
            o.write(tensorHead.toByteArray());
            byte[] chunk = new byte[1 << 20];
            for (long left = rawLength; left > 0; left -= chunk.length) {
                o.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        System.out.println(out + ": " + Files.size(out) + " bytes");
    }

    private static byte[] graphWithoutInitializerData(long floats) throws IOException {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        ByteArrayOutputStream node = new ByteArrayOutputStream();
        string(node, 1, "w");
        string(node, 2, "y");
        string(node, 4, "Identity");
        bytes(graph, 1, node.toByteArray());
        string(graph, 2, "big");
        bytes(graph, 12, valueInfo("y", floats));
        return graph.toByteArray();
    }

    private static byte[] valueInfo(String name, long floats) throws IOException {
        ByteArrayOutputStream dim = new ByteArrayOutputStream();
        tag(dim, 1, 0);
        varint(dim, floats);
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        bytes(shape, 1, dim.toByteArray());
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        tag(tensor, 1, 0);
        varint(tensor, 1);
        bytes(tensor, 2, shape.toByteArray());
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        bytes(type, 1, tensor.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        string(info, 1, name);
        bytes(info, 2, type.toByteArray());
        return info.toByteArray();
    }

    private static void tag(OutputStream o, int field, int wire) throws IOException {
        varint(o, ((long) field << 3) | wire);
    }

    private static void varint(OutputStream o, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            o.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        o.write((int) v);
    }

    private static void string(OutputStream o, int field, String s) throws IOException {
        bytes(o, field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(OutputStream o, int field, byte[] b) throws IOException {
        tag(o, field, 2);
        varint(o, b.length);
        o.write(b);
    }
}
