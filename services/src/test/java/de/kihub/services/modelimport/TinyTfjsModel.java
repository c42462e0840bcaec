package de.kihub.services.modelimport;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes small TensorFlow.js graph models (model.json plus one weight file) the way the tfjs
 * converter does: proto3 JSON nodes, base64 strings, int64 as strings, weights in manifest order.
 */
final class TinyTfjsModel {
    static final String WEIGHTS_FILE = "weights.bin";

    private final JsonArrayBuilder nodes = Json.createArrayBuilder();
    private final JsonArrayBuilder weights = Json.createArrayBuilder();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonObjectBuilder inputs = Json.createObjectBuilder();
    private final JsonObjectBuilder outputs = Json.createObjectBuilder();
    private String weightsPath = WEIGHTS_FILE;

    /** A float Placeholder listed as signature input. */
    TinyTfjsModel input(String name, long... shape) {
        return input(name, "DT_FLOAT", shape);
    }

    TinyTfjsModel input(String name, String dtype, long... shape) {
        JsonObject attrs =
                new Attrs()
                        .type("dtype", dtype)
                        .add("shape", Json.createObjectBuilder().add("shape", shape(shape)))
                        .build();
        nodes.add(
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("op", "Placeholder")
                        .add("attr", attrs));
        inputs.add(
                name + ":0",
                Json.createObjectBuilder().add("name", name + ":0").add("dtype", dtype));
        return this;
    }

    /** A float32 Const stored as float32. */
    TinyTfjsModel floats(String name, long[] shape, float... values) {
        ByteBuffer data = little(values.length * 4);
        for (float v : values) {
            data.putFloat(v);
        }
        return weight(name, "DT_FLOAT", shape, "float32", null, data);
    }

    /** A float32 Const that tfjs stored as float16, as NanoDet's weights are. */
    TinyTfjsModel halfFloats(String name, long[] shape, float... values) {
        ByteBuffer data = little(values.length * 2);
        for (float v : values) {
            data.putShort(Float.floatToFloat16(v));
        }
        JsonObject quantization =
                Json.createObjectBuilder()
                        .add("dtype", "float16")
                        .add("original_dtype", "float32")
                        .build();
        return weight(name, "DT_FLOAT", shape, "float32", quantization, data);
    }

    /** A float32 Const quantised to uint8: value = min + q * scale. */
    TinyTfjsModel uint8Floats(String name, long[] shape, float min, float scale, int... quantised) {
        ByteBuffer data = little(quantised.length);
        for (int q : quantised) {
            data.put((byte) q);
        }
        JsonObject quantization =
                Json.createObjectBuilder()
                        .add("dtype", "uint8")
                        .add("min", min)
                        .add("scale", scale)
                        .build();
        return weight(name, "DT_FLOAT", shape, "float32", quantization, data);
    }

    /** An integer Const stored as int32; declared DT_INT64 it is one of tfjs' narrowed int64s. */
    TinyTfjsModel ints(String name, String declared, long[] shape, int... values) {
        ByteBuffer data = little(values.length * 4);
        for (int v : values) {
            data.putInt(v);
        }
        return weight(name, declared, shape, "int32", null, data);
    }

    TinyTfjsModel node(String name, String op, List<String> inputs, JsonObject attrs) {
        JsonArrayBuilder in = Json.createArrayBuilder();
        inputs.forEach(in::add);
        nodes.add(
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("op", op)
                        .add("input", in)
                        .add("attr", attrs));
        return this;
    }

    TinyTfjsModel node(String name, String op, String... inputs) {
        return node(name, op, List.of(inputs), new Attrs().type("T", "DT_FLOAT").build());
    }

    /** Lists a tensor as signature output. */
    TinyTfjsModel output(String tensor) {
        String name = tensor.contains(":") ? tensor : tensor + ":0";
        outputs.add(name, Json.createObjectBuilder().add("name", name));
        return this;
    }

    /**
     * Lists another path for the weight file in the manifest (it is still written as weights.bin).
     */
    TinyTfjsModel weightsPath(String path) {
        weightsPath = path;
        return this;
    }

    /** Writes model.json and the weight file into the directory; returns model.json. */
    Path write(Path directory) throws IOException {
        JsonObject manifest =
                Json.createObjectBuilder()
                        .add("paths", Json.createArrayBuilder().add(weightsPath))
                        .add("weights", weights)
                        .build();
        JsonObject model =
                Json.createObjectBuilder()
                        .add("format", "graph-model")
                        .add("generatedBy", "kihub-test")
                        .add(
                                "signature",
                                Json.createObjectBuilder()
                                        .add("inputs", inputs)
                                        .add("outputs", outputs))
                        .add("modelTopology", Json.createObjectBuilder().add("node", nodes))
                        .add("weightsManifest", Json.createArrayBuilder().add(manifest))
                        .build();
        Path json = directory.resolve("model.json");
        try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            Json.createWriter(out).write(model);
        }
        Files.write(directory.resolve(WEIGHTS_FILE), bytes.toByteArray());
        return json;
    }

    private TinyTfjsModel weight(
            String name,
            String declared,
            long[] shape,
            String dtype,
            JsonObject quantization,
            ByteBuffer data) {
        JsonObjectBuilder entry =
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("shape", array(shape))
                        .add("dtype", dtype);
        if (quantization != null) {
            entry.add("quantization", quantization);
        }
        weights.add(entry);
        bytes.writeBytes(data.array());
        JsonObject attrs =
                new Attrs()
                        .type("dtype", declared)
                        .add(
                                "value",
                                Json.createObjectBuilder()
                                        .add(
                                                "tensor",
                                                Json.createObjectBuilder()
                                                        .add("dtype", declared)
                                                        .add("tensorShape", shape(shape))))
                        .build();
        nodes.add(
                Json.createObjectBuilder().add("name", name).add("op", "Const").add("attr", attrs));
        return this;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static JsonArrayBuilder array(long[] values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (long v : values) {
            array.add(v);
        }
        return array;
    }

    /** A TensorShapeProto in proto3 JSON: sizes as strings, a zero size left out. */
    private static JsonObjectBuilder shape(long[] dims) {
        JsonArrayBuilder dim = Json.createArrayBuilder();
        for (long d : dims) {
            dim.add(
                    d == 0
                            ? Json.createObjectBuilder()
                            : Json.createObjectBuilder().add("size", Long.toString(d)));
        }
        return Json.createObjectBuilder().add("dim", dim);
    }

    /** Node attributes (AttrValue in proto3 JSON). */
    static final class Attrs {
        private final JsonObjectBuilder attrs = Json.createObjectBuilder();

        Attrs type(String key, String dtype) {
            return add(key, Json.createObjectBuilder().add("type", dtype));
        }

        Attrs s(String key, String value) {
            String base64 =
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            return add(key, Json.createObjectBuilder().add("s", base64));
        }

        Attrs i(String key, long value) {
            return add(key, Json.createObjectBuilder().add("i", Long.toString(value)));
        }

        Attrs f(String key, float value) {
            return add(key, Json.createObjectBuilder().add("f", value));
        }

        Attrs b(String key, boolean value) {
            return add(key, Json.createObjectBuilder().add("b", value));
        }

        Attrs ints(String key, long... values) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (long v : values) {
                list.add(Long.toString(v));
            }
            return add(
                    key,
                    Json.createObjectBuilder()
                            .add("list", Json.createObjectBuilder().add("i", list)));
        }

        /** A string list such as fused_ops, base64 encoded as proto3 JSON writes bytes. */
        Attrs strings(String key, String... values) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (String v : values) {
                list.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
            }
            return add(
                    key,
                    Json.createObjectBuilder()
                            .add("list", Json.createObjectBuilder().add("s", list)));
        }

        Attrs add(String key, JsonObjectBuilder value) {
            attrs.add(key, value);
            return this;
        }

        JsonObject build() {
            return attrs.build();
        }
    }
}
