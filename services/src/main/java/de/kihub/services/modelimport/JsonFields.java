package de.kihub.services.modelimport;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Typed reads from model.json that fail with a {@link ModelImportException} naming the place,
 * instead of the ClassCastException or NullPointerException JSON-P would give.
 */
final class JsonFields {
    private JsonFields() {}

    static JsonObject object(JsonObject parent, String key, String where) {
        JsonValue value = required(parent, key, where);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(where, key, "an object");
        }
        return value.asJsonObject();
    }

    /** The object under key, or an empty object when the key is absent. */
    static JsonObject optionalObject(JsonObject parent, String key, String where) {
        return parent.containsKey(key) ? object(parent, key, where) : JsonValue.EMPTY_JSON_OBJECT;
    }

    static JsonArray array(JsonObject parent, String key, String where) {
        JsonValue value = required(parent, key, where);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(where, key, "an array");
        }
        return value.asJsonArray();
    }

    /** The array under key, or an empty array when the key is absent. */
    static JsonArray optionalArray(JsonObject parent, String key, String where) {
        return parent.containsKey(key) ? array(parent, key, where) : JsonValue.EMPTY_JSON_ARRAY;
    }

    static String string(JsonObject parent, String key, String where) {
        return string(required(parent, key, where), where + "." + key);
    }

    static String string(JsonValue value, String where) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new ModelImportException(where + " must be a string.");
    }

    static JsonObject object(JsonValue value, String where) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ModelImportException(where + " must be an object.");
        }
        return value.asJsonObject();
    }

    /** An integer given as a JSON number or, as proto3 JSON writes int64, as a decimal string. */
    static long integer(JsonValue value, String where) {
        try {
            if (value instanceof JsonNumber number) {
                return number.longValueExact();
            }
            if (value instanceof JsonString text) {
                return Long.parseLong(text.getString());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below with the place
        }
        throw new ModelImportException(where + " must be an integer, not " + value + ".");
    }

    /** A float given as a JSON number or as proto3 JSON's "NaN", "Infinity" or "-Infinity". */
    static double number(JsonValue value, String where) {
        if (value instanceof JsonNumber number) {
            return number.doubleValue();
        }
        if (value instanceof JsonString text) {
            switch (text.getString()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(text.getString());
                    } catch (NumberFormatException e) {
                        break;
                    }
            }
        }
        throw new ModelImportException(where + " must be a number, not " + value + ".");
    }

    private static JsonValue required(JsonObject parent, String key, String where) {
        JsonValue value = parent.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new ModelImportException(where + " has no '" + key + "'.");
        }
        return value;
    }

    private static ModelImportException wrongType(String where, String key, String expected) {
        return new ModelImportException(where + "." + key + " must be " + expected + ".");
    }
}
