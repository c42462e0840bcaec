package de.kihub.services.modelimport;

import com.google.protobuf.ByteString;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Rebuilds the TensorFlow GraphDef behind a tfjs graph model, so that TensorFlow itself can run the
 * original graph as reference. Independent of the importer on purpose: its own JSON reading and
 * weight decoding, limited to what NanoDet-m and CenterNet need (float32, float16, int32 and int64
 * consts, TF's fused convolutions).
 */
public final class TfReferenceGraph {
    private TfReferenceGraph() {}

    public static GraphDef read(Path modelJson) throws IOException {
        JsonObject root;
        try (Reader in = Files.newBufferedReader(modelJson, StandardCharsets.UTF_8);
                JsonReader json = Json.createReader(in)) {
            root = json.readObject();
        }
        Map<String, NodeDef.Builder> nodes = new HashMap<>();
        GraphDef.Builder graph = GraphDef.newBuilder();
        for (JsonValue value : root.getJsonObject("modelTopology").getJsonArray("node")) {
            JsonObject node = value.asJsonObject();
            NodeDef.Builder def =
                    NodeDef.newBuilder()
                            .setName(node.getString("name"))
                            .setOp(node.getString("op"))
                            .setDevice(node.getString("device", ""));
            for (JsonValue input :
                    node.getJsonArray("input") == null
                            ? JsonValue.EMPTY_JSON_ARRAY
                            : node.getJsonArray("input")) {
                def.addInput(((JsonString) input).getString());
            }
            JsonObject attrs =
                    node.containsKey("attr")
                            ? node.getJsonObject("attr")
                            : JsonValue.EMPTY_JSON_OBJECT;
            attrs.forEach((key, attr) -> def.putAttr(key, attr(attr.asJsonObject())));
            restoreFusedConvolution(def);
            nodes.put(def.getName(), def);
        }
        for (JsonValue group : root.getJsonArray("weightsManifest")) {
            addWeights(modelJson.getParent(), group.asJsonObject(), nodes);
        }
        for (JsonValue value : root.getJsonObject("modelTopology").getJsonArray("node")) {
            graph.addNode(nodes.get(value.asJsonObject().getString("name")));
        }
        return graph.build();
    }

    /**
     * The tfjs converter renames TF's internal {@code _FusedDepthwiseConv2dNative} (dropping the
     * underscore; it also adds an explicit_paddings attribute that op does not have) and leaves out
     * {@code _FusedConv2D}'s TArgs, which TF's op registry requires.
     */
    private static void restoreFusedConvolution(NodeDef.Builder def) {
        if (def.getOp().equals("FusedDepthwiseConv2dNative")) {
            def.setOp("_FusedDepthwiseConv2dNative");
            def.removeAttr("explicit_paddings");
        }
        if (def.getOp().equals("_FusedConv2D") && !def.containsAttr("TArgs")) {
            AttrValue.ListValue.Builder types = AttrValue.ListValue.newBuilder();
            for (long i = 0; i < def.getAttrOrThrow("num_args").getI(); i++) {
                types.addType(def.getAttrOrThrow("T").getType());
            }
            def.putAttr("TArgs", AttrValue.newBuilder().setList(types).build());
        }
    }

    private static void addWeights(Path dir, JsonObject group, Map<String, NodeDef.Builder> nodes)
            throws IOException {
        ByteBuffer bytes =
                ByteBuffer.wrap(concat(dir, group.getJsonArray("paths")))
                        .order(ByteOrder.LITTLE_ENDIAN);
        for (JsonValue value : group.getJsonArray("weights")) {
            JsonObject weight = value.asJsonObject();
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            int count = 1;
            for (JsonValue dim : weight.getJsonArray("shape")) {
                int size = ((JsonNumber) dim).intValueExact();
                shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(size));
                count *= size;
            }
            NodeDef.Builder node = nodes.get(weight.getString("name"));
            DataType declared = node.getAttrOrThrow("dtype").getType();
            String stored =
                    weight.containsKey("quantization")
                            ? weight.getJsonObject("quantization").getString("dtype")
                            : weight.getString("dtype");
            ByteBuffer content;
            switch (stored) {
                case "float32" -> content = copy(bytes, count * 4);
                case "float16" -> {
                    content = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < count; i++) {
                        content.putFloat(Float.float16ToFloat(bytes.getShort()));
                    }
                }
                case "int32" -> {
                    if (declared == DataType.DT_INT64) {
                        content = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
                        for (int i = 0; i < count; i++) {
                            content.putLong(bytes.getInt());
                        }
                    } else {
                        content = copy(bytes, count * 4);
                    }
                }
                default ->
                        throw new IllegalArgumentException(
                                "not needed for NanoDet-m or CenterNet: " + stored);
            }
            TensorProto tensor =
                    TensorProto.newBuilder()
                            .setDtype(declared)
                            .setTensorShape(shape)
                            .setTensorContent(ByteString.copyFrom(content.array()))
                            .build();
            node.putAttr("value", AttrValue.newBuilder().setTensor(tensor).build());
        }
        if (bytes.hasRemaining()) {
            throw new IllegalStateException(bytes.remaining() + " weight bytes left over");
        }
    }

    private static byte[] concat(Path dir, JsonArray paths) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonValue path : paths) {
            all.write(Files.readAllBytes(dir.resolve(((JsonString) path).getString())));
        }
        return all.toByteArray();
    }

    private static ByteBuffer copy(ByteBuffer from, int length) {
        byte[] bytes = new byte[length];
        from.get(bytes);
        return ByteBuffer.wrap(bytes);
    }

    /** An AttrValue from its proto3 JSON form. */
    private static AttrValue attr(JsonObject json) {
        AttrValue.Builder attr = AttrValue.newBuilder();
        if (json.containsKey("s")) {
            attr.setS(ByteString.copyFrom(Base64.getDecoder().decode(json.getString("s"))));
        } else if (json.containsKey("i")) {
            attr.setI(Long.parseLong(text(json.get("i"))));
        } else if (json.containsKey("f")) {
            attr.setF(Float.parseFloat(text(json.get("f"))));
        } else if (json.containsKey("b")) {
            attr.setB(json.getBoolean("b"));
        } else if (json.containsKey("type")) {
            attr.setType(DataType.valueOf(json.getString("type")));
        } else if (json.containsKey("shape")) {
            attr.setShape(shape(json.getJsonObject("shape")));
        } else if (json.containsKey("tensor")) {
            JsonObject tensor = json.getJsonObject("tensor");
            attr.setTensor(
                    TensorProto.newBuilder()
                            .setDtype(DataType.valueOf(tensor.getString("dtype")))
                            .setTensorShape(shape(tensor.getJsonObject("tensorShape"))));
        } else if (json.containsKey("list")) {
            attr.setList(list(json.getJsonObject("list")));
        } else if (!json.isEmpty()) {
            throw new IllegalArgumentException("not needed for NanoDet-m or CenterNet: " + json);
        }
        return attr.build();
    }

    private static AttrValue.ListValue list(JsonObject json) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (JsonValue i : json.getOrDefault("i", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            list.addI(Long.parseLong(text(i)));
        }
        for (JsonValue f : json.getOrDefault("f", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            list.addF(Float.parseFloat(text(f)));
        }
        for (JsonValue s : json.getOrDefault("s", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            list.addS(
                    ByteString.copyFrom(Base64.getDecoder().decode(((JsonString) s).getString())));
        }
        for (JsonValue type : json.getOrDefault("type", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            list.addType(DataType.valueOf(((JsonString) type).getString()));
        }
        return list.build();
    }

    private static TensorShapeProto shape(JsonObject json) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.setUnknownRank(json.getBoolean("unknownRank", false));
        for (JsonValue dim : json.getOrDefault("dim", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            JsonValue size = dim.asJsonObject().get("size");
            shape.addDim(
                    TensorShapeProto.Dim.newBuilder()
                            .setSize(size == null ? 0 : Long.parseLong(text(size))));
        }
        return shape.build();
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
