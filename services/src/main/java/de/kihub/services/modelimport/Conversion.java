package de.kihub.services.modelimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one conversion that the op mappings share: which TF tensors are constants (and their
 * values), the type and static shape of every other tensor, and the ONNX graph so far. Tensors are
 * keyed by their canonical TF reference ({@link TfNode#canonical}).
 */
final class Conversion {
    /** The type and static shape of a tensor that only exists at run time. */
    record Value(DataType type, long[] shape) {
        Value {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        int rank() {
            return shape.length;
        }
    }

    private final OnnxGraph graph = new OnnxGraph();
    private final Names names = new Names();
    private final Map<String, Tensor> constants = new HashMap<>();
    private final Map<String, String> initializerNames = new HashMap<>();
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, String> onnxNames = new HashMap<>();

    OnnxGraph graph() {
        return graph;
    }

    /** Gives a TF tensor its ONNX name ahead of time, as graph inputs and outputs need. */
    String reserve(String tensor) {
        return onnxNames.computeIfAbsent(tensor, names::fresh);
    }

    /** A new unique ONNX name for an intermediate tensor the TF graph does not have. */
    String fresh(String base) {
        return names.fresh(base);
    }

    void defineConstant(String tensor, Tensor value) {
        constants.put(tensor, value);
    }

    boolean isConstant(String reference) {
        return constants.containsKey(TfNode.canonical(reference));
    }

    boolean allInputsConstant(TfNode node) {
        return !node.inputs().isEmpty() && node.inputs().stream().allMatch(this::isConstant);
    }

    /** The value of the node's input; fails naming the node when it is not a constant. */
    Tensor constant(TfNode node, int input, String role) {
        Tensor value = constants.get(TfNode.canonical(inputReference(node, input)));
        if (value == null) {
            throw node.fail(
                    "needs a constant " + role + " (input " + input + "), not a computed one");
        }
        return value;
    }

    /** A constant integer input such as a shape, axis list or permutation. */
    long[] integers(TfNode node, int input, String role) {
        Tensor value = constant(node, input, role);
        if (!value.type().isInteger()) {
            throw node.fail("needs integers as its " + role + ", not " + value.type());
        }
        return value.longs().clone();
    }

    /** A constant integer input holding one value, such as an axis. */
    long integer(TfNode node, int input, String role) {
        long[] values = integers(node, input, role);
        if (values.length != 1) {
            throw node.fail("needs a single value as its " + role + ", not " + values.length);
        }
        return values[0];
    }

    /** The constant value of a tensor, or null when it is computed at run time. */
    Tensor constantOrNull(String tensor) {
        return constants.get(TfNode.canonical(tensor));
    }

    /** The ONNX name to read the node's input by; constants become initializers on first use. */
    String input(TfNode node, int input) {
        String tensor = TfNode.canonical(inputReference(node, input));
        Tensor constant = constants.get(tensor);
        if (constant != null) {
            return initializerNames.computeIfAbsent(tensor, t -> initializer(t, constant));
        }
        String name = onnxNames.get(tensor);
        if (name == null || !values.containsKey(tensor)) {
            throw node.fail("reads '" + tensor + "', which the conversion has not produced");
        }
        return name;
    }

    /** The type and shape of a run-time input of the node. */
    Value value(TfNode node, int input) {
        String tensor = TfNode.canonical(inputReference(node, input));
        Value value = values.get(tensor);
        if (value == null) {
            Tensor constant = constants.get(tensor);
            if (constant == null) {
                throw node.fail("reads '" + tensor + "', which the conversion has not produced");
            }
            return new Value(constant.type(), constant.shape());
        }
        return value;
    }

    /** The static shape of the node's input that the mapping needs; fails if any dim is unknown. */
    long[] knownShape(TfNode node, int input) {
        long[] shape = value(node, input).shape();
        if (!Shapes.isKnown(shape)) {
            throw node.fail(
                    "needs a static input shape, but input "
                            + input
                            + " is "
                            + Shapes.format(shape));
        }
        return shape;
    }

    /** Declares output {@code index} of the node and returns the ONNX name to produce it under. */
    String output(TfNode node, int index, DataType type, long[] shape) {
        String tensor = index == 0 ? node.name() : node.name() + ":" + index;
        values.put(tensor, new Value(type, shape));
        return reserve(tensor);
    }

    /** The ONNX name of a TF tensor that the conversion has produced, or null. */
    String onnxName(String tensor) {
        return values.containsKey(tensor) ? onnxNames.get(tensor) : null;
    }

    Value valueOf(String tensor) {
        return values.get(tensor);
    }

    /** Adds a constant tensor of the importer's own making, such as ONNX's int64 pads. */
    String initializer(String base, Tensor value) {
        String name = names.fresh(base);
        graph.initializers.put(name, value);
        return name;
    }

    OnnxNode emit(String opType, List<String> inputs, String... outputs) {
        OnnxNode node =
                new OnnxNode(
                        opType, names.fresh(outputs[0] + "_" + opType), inputs, List.of(outputs));
        graph.nodes.add(node);
        return node;
    }

    private static String inputReference(TfNode node, int input) {
        if (input >= node.inputs().size()) {
            throw node.fail(
                    "has " + node.inputs().size() + " inputs, but needs at least " + (input + 1));
        }
        return node.inputs().get(input);
    }
}
