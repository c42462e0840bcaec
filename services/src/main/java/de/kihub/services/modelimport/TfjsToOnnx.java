package de.kihub.services.modelimport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a TensorFlow.js graph model into ONNX (opset 13).
 *
 * <p>Every TF op is mapped on its own (see the *Ops classes); constants become initializers, with
 * float16 and quantised weights expanded to float32. {@link #convert} then cleans the graph up
 * (cancelling layout transposes, moving biases and padding into Conv); {@link #convertLiteral}
 * leaves the one-to-one mapping as it is, which helps when checking a mapping.
 */
public final class TfjsToOnnx {
    private static final Map<String, OpMapping> MAPPINGS = mappings();

    private TfjsToOnnx() {}

    /**
     * Converts the model whose model.json is given; the weight files must lie beside it.
     *
     * @throws ModelImportException when the files are malformed or use unsupported operations
     */
    public static ConversionResult convert(Path modelJson) {
        return convert(modelJson, true);
    }

    /** Like {@link #convert}, but without the graph clean-up: one ONNX op group per TF op. */
    public static ConversionResult convertLiteral(Path modelJson) {
        return convert(modelJson, false);
    }

    /** The TF op types the importer understands, including Placeholder and Const. */
    public static List<String> supportedOperations() {
        List<String> ops = new ArrayList<>(MAPPINGS.keySet());
        ops.add("Const");
        ops.add("Placeholder");
        return ops.stream().sorted().toList();
    }

    private static ConversionResult convert(Path modelJson, boolean cleanUp) {
        TfjsGraph tf = TfjsModelReader.read(modelJson);
        refuseUnknownOps(tf);
        Conversion c = new Conversion();
        // graph outputs keep the signature's names, so they are named before anything else
        tf.outputs().forEach(c::reserve);
        tf.inputs().forEach(c::reserve);
        for (TfNode node : tf.nodes()) {
            switch (node.op()) {
                case "Const" -> c.defineConstant(node.name(), tf.weights().get(node.name()));
                case "Placeholder" -> defineInput(node, c);
                default -> {
                    if (ConstantFolding.applies(node, c)) {
                        c.defineConstant(node.name(), ConstantFolding.fold(node, c));
                    } else {
                        MAPPINGS.get(node.op()).map(node, c);
                    }
                }
            }
        }
        OnnxGraph graph = c.graph();
        // the signature's inputs first, in its order; Placeholders it does not list after them
        List<String> signature = tf.inputs().stream().map(c::reserve).toList();
        graph.inputs.sort(
                Comparator.comparingInt(
                        input ->
                                signature.contains(input.name())
                                        ? signature.indexOf(input.name())
                                        : signature.size()));
        for (String output : tf.outputs()) {
            graph.outputs.add(defineOutput(output, c));
        }
        graph.prune();
        if (cleanUp) {
            GraphCleanup.run(graph);
        }
        byte[] onnx = OnnxWriter.write(graph, "tfjs_graph");
        return new ConversionResult(
                onnx,
                graph.nodes.size(),
                graph.inputs.stream().map(GraphValue::name).toList(),
                graph.outputs.stream().map(GraphValue::name).toList());
    }

    private static void refuseUnknownOps(TfjsGraph tf) {
        Map<String, List<String>> unknown = new TreeMap<>();
        for (TfNode node : tf.nodes()) {
            String op = node.op();
            if (!op.equals("Const") && !op.equals("Placeholder") && !MAPPINGS.containsKey(op)) {
                unknown.computeIfAbsent(op, key -> new ArrayList<>()).add(node.name());
            }
        }
        if (!unknown.isEmpty()) {
            StringBuilder message =
                    new StringBuilder("The model uses operations the importer does not support: ");
            unknown.forEach(
                    (op, nodes) ->
                            message.append(op)
                                    .append(" (")
                                    .append(nodes.size())
                                    .append("x, e.g. node '")
                                    .append(nodes.get(0))
                                    .append("'), "));
            message.setLength(message.length() - 2);
            throw new ModelImportException(message.append('.').toString());
        }
    }

    private static void defineInput(TfNode node, Conversion c) {
        long[] shape = node.shape("shape");
        String type = node.type("dtype");
        DataType dataType = type == null ? null : DataType.fromTensorFlow(type);
        if (shape == null || dataType == null) {
            throw node.fail("needs a known rank and a float, int or bool dtype");
        }
        String name = c.output(node, 0, dataType, shape);
        c.graph().inputs.add(new GraphValue(name, dataType, shape));
    }

    /** Makes the tensor a graph output under its reserved name, copying it if it has another. */
    private static GraphValue defineOutput(String tensor, Conversion c) {
        String name = c.reserve(tensor);
        Tensor constant = c.constantOrNull(tensor);
        if (constant != null) {
            String value = c.initializer(tensor + "_value", constant);
            c.graph()
                    .nodes
                    .add(
                            new OnnxNode(
                                    "Identity",
                                    c.fresh(name + "_Identity"),
                                    List.of(value),
                                    List.of(name)));
            return new GraphValue(name, constant.type(), constant.shape());
        }
        Conversion.Value value = c.valueOf(tensor);
        if (value == null) {
            throw new ModelImportException(
                    "The model's output '" + tensor + "' is never computed.");
        }
        return new GraphValue(name, value.type(), value.shape());
    }

    private static Map<String, OpMapping> mappings() {
        Map<String, OpMapping> table = new HashMap<>();
        ElementwiseOps.register(table);
        LayoutOps.register(table);
        ArithmeticOps.register(table);
        SelectionOps.register(table);
        ReductionOps.register(table);
        SpatialOps.register(table);
        FusedConvolutions.register(table);
        ConstantFolding.register(table);
        return Map.copyOf(table);
    }
}
