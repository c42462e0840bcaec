package de.kihub.services.modelimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX node while the graph is built and cleaned up; mutable so that the clean-up can rewire it.
 * Attribute values are Long, Float, String, long[] or float[].
 */
final class OnnxNode {
    private String opType;
    private final String name;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    OnnxNode(String opType, String name, List<String> inputs, List<String> outputs) {
        this.opType = opType;
        this.name = name;
        this.inputs = new ArrayList<>(inputs);
        this.outputs = new ArrayList<>(outputs);
    }

    String opType() {
        return opType;
    }

    void setOpType(String opType) {
        this.opType = opType;
    }

    String name() {
        return name;
    }

    /** The live input list; the clean-up edits it in place. */
    List<String> inputs() {
        return inputs;
    }

    /** The live output list; the clean-up edits it in place. */
    List<String> outputs() {
        return outputs;
    }

    String input(int index) {
        return inputs.get(index);
    }

    String output() {
        return outputs.get(0);
    }

    OnnxNode set(String attribute, Object value) {
        if (!(value instanceof Long
                || value instanceof Float
                || value instanceof String
                || value instanceof long[]
                || value instanceof float[])) {
            throw new IllegalArgumentException("unsupported attribute value " + value);
        }
        attributes.put(attribute, value);
        return this;
    }

    OnnxNode set(String attribute, long value) {
        return set(attribute, Long.valueOf(value));
    }

    OnnxNode set(String attribute, float value) {
        return set(attribute, Float.valueOf(value));
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    long[] longs(String attribute) {
        return (long[]) attributes.get(attribute);
    }
}
