package de.kihub.services.modelimport;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of the TensorFlow graph as model.json describes it: a GraphDef NodeDef in proto3 JSON
 * form. Inputs are tensor references ({@code node} or {@code node:1}) without control inputs. The
 * attribute readers decode proto3 JSON: int64 as strings, bytes (all TF strings) as base64.
 */
record TfNode(String name, String op, List<String> inputs, JsonObject attributes) {
    TfNode {
        inputs = List.copyOf(inputs);
    }

    /** How messages name this node, for example {@code node 'conv1' (Conv2D)}. */
    String describe() {
        return "node '" + name + "' (" + op + ")";
    }

    ModelImportException fail(String problem) {
        return new ModelImportException("The model's " + describe() + " " + problem + ".");
    }

    boolean has(String key) {
        return attributes.containsKey(key);
    }

    /** A string attribute; TF strings are bytes, which proto3 JSON writes as base64. */
    String string(String key, String fallback) {
        JsonValue value = attribute(key, "s");
        if (value == null) {
            return fallback;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(JsonFields.string(value, where(key)));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail("has attribute '" + key + "' that is not valid base64");
        }
    }

    long integer(String key, long fallback) {
        JsonValue value = attribute(key, "i");
        return value == null ? fallback : JsonFields.integer(value, where(key));
    }

    float number(String key, float fallback) {
        JsonValue value = attribute(key, "f");
        return value == null ? fallback : (float) JsonFields.number(value, where(key));
    }

    boolean bool(String key, boolean fallback) {
        JsonValue value = attribute(key, "b");
        if (value == null) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw fail("has attribute '" + key + "' that is not a boolean");
    }

    /** A TF type name such as {@code DT_FLOAT}, or null when the attribute is absent. */
    String type(String key) {
        JsonValue value = attribute(key, "type");
        return value == null ? null : JsonFields.string(value, where(key));
    }

    /** An integer list attribute ({@code list.i}); an empty list when present but empty. */
    long[] integers(String key, long[] fallback) {
        JsonValue list = attribute(key, "list");
        if (list == null) {
            return fallback;
        }
        JsonArray values =
                JsonFields.optionalArray(JsonFields.object(list, where(key)), "i", where(key));
        long[] result = new long[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = JsonFields.integer(values.get(i), where(key) + "[" + i + "]");
        }
        return result;
    }

    /** A string list attribute ({@code list.s}, base64 each); empty when absent. */
    List<String> strings(String key) {
        JsonValue list = attribute(key, "list");
        if (list == null) {
            return List.of();
        }
        JsonArray values =
                JsonFields.optionalArray(JsonFields.object(list, where(key)), "s", where(key));
        List<String> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                String text = JsonFields.string(values.get(i), where(key) + "[" + i + "]");
                result.add(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw fail("has attribute '" + key + "' that is not valid base64");
            }
        }
        return result;
    }

    /**
     * A shape attribute; null when its rank is unknown. Unknown dimensions are -1, and a dimension
     * without size is 0, because proto3 JSON leaves out zero values.
     */
    long[] shape(String key) {
        JsonValue value = attribute(key, "shape");
        if (value == null) {
            return null;
        }
        return shapeOf(JsonFields.object(value, where(key)), where(key));
    }

    /** Reads a TensorShapeProto in proto3 JSON form; null when its rank is unknown. */
    static long[] shapeOf(JsonObject shape, String where) {
        if (shape.getBoolean("unknownRank", false)) {
            return null;
        }
        JsonArray dims = JsonFields.optionalArray(shape, "dim", where);
        long[] result = new long[dims.size()];
        for (int i = 0; i < result.length; i++) {
            JsonObject dim = JsonFields.object(dims.get(i), where + ".dim[" + i + "]");
            JsonValue size = dim.get("size");
            result[i] = size == null ? 0 : JsonFields.integer(size, where + ".dim[" + i + "]");
            if (result[i] < Shapes.UNKNOWN) {
                throw new ModelImportException(
                        where + " has a negative dimension " + result[i] + ".");
            }
        }
        return result;
    }

    /** The node name in a tensor reference: {@code a/b:1} and {@code ^a/b} both name a/b. */
    static String producer(String reference) {
        String name = reference.startsWith("^") ? reference.substring(1) : reference;
        int colon = name.lastIndexOf(':');
        return colon > 0 && isDigits(name.substring(colon + 1)) ? name.substring(0, colon) : name;
    }

    /** The output index in a tensor reference: 0 unless it ends in {@code :k}. */
    static int outputIndex(String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon > 0 && isDigits(reference.substring(colon + 1))) {
            return Integer.parseInt(reference.substring(colon + 1));
        }
        return 0;
    }

    /** One spelling per tensor: {@code node} for output 0, {@code node:k} for the others. */
    static String canonical(String reference) {
        int index = outputIndex(reference);
        return index == 0 ? producer(reference) : producer(reference) + ":" + index;
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty()
                && text.length() <= 6
                && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private JsonValue attribute(String key, String kind) {
        JsonValue attribute = attributes.get(key);
        if (attribute == null) {
            return null;
        }
        JsonObject value = JsonFields.object(attribute, where(key));
        JsonValue found = value.get(kind);
        // proto3 JSON leaves out default values, so an empty AttrValue means "the default"
        if (found == null && !value.isEmpty()) {
            throw fail("has attribute '" + key + "' without the expected '" + kind + "' value");
        }
        return found;
    }

    private String where(String key) {
        return "The model's " + describe() + " attribute '" + key + "'";
    }
}
