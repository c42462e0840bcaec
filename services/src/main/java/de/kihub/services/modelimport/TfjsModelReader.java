package de.kihub.services.modelimport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and checks a TensorFlow.js graph model: model.json and the weight files it lists. */
final class TfjsModelReader {
    static final long MAX_MODEL_JSON_BYTES = 64L << 20;
    static final int MAX_NODES = 100_000;

    private TfjsModelReader() {}

    static TfjsGraph read(Path modelJson) {
        JsonObject root = parse(modelJson);
        String format =
                root.containsKey("format") ? JsonFields.string(root, "format", "model.json") : "";
        if (!format.isEmpty() && !format.equals("graph-model")) {
            throw new ModelImportException(
                    "model.json is a TensorFlow.js '"
                            + format
                            + "', but only graph models can be imported.");
        }
        JsonObject topology = JsonFields.object(root, "modelTopology", "model.json");
        if (!JsonFields.optionalArray(
                        JsonFields.optionalObject(root, "modelInitializer", "model.json"),
                        "node",
                        "model.json modelInitializer")
                .isEmpty()) {
            throw new ModelImportException(
                    "model.json has an initializer graph (hash tables), which is not supported.");
        }
        List<TfNode> nodes = nodes(JsonFields.array(topology, "node", "model.json modelTopology"));
        Map<String, TfNode> byName = new LinkedHashMap<>();
        for (TfNode node : nodes) {
            if (byName.put(node.name(), node) != null) {
                throw new ModelImportException(
                        "model.json has two nodes named '" + node.name() + "'.");
            }
        }
        Map<String, Tensor> weights =
                new WeightsReader(
                                modelJson.toAbsolutePath().getParent(),
                                name -> constType(byName.get(name)))
                        .read(JsonFields.optionalArray(root, "weightsManifest", "model.json"));
        for (TfNode node : nodes) {
            if (node.op().equals("Const") && !weights.containsKey(node.name())) {
                throw node.fail("has no value in the weights manifest");
            }
        }
        JsonObject signature = JsonFields.optionalObject(root, "signature", "model.json");
        return new TfjsGraph(
                sorted(nodes, byName),
                weights,
                endpoints(signature, "inputs", byName),
                endpoints(signature, "outputs", byName));
    }

    private static JsonObject parse(Path modelJson) {
        try {
            if (!Files.isRegularFile(modelJson)) {
                throw new ModelImportException(
                        "The model file " + modelJson.getFileName() + " is missing.");
            }
            if (Files.size(modelJson) > MAX_MODEL_JSON_BYTES) {
                throw new ModelImportException(
                        "model.json is larger than " + (MAX_MODEL_JSON_BYTES >> 20) + " MiB.");
            }
            try (Reader in = Files.newBufferedReader(modelJson, StandardCharsets.UTF_8);
                    JsonReader json = Json.createReader(in)) {
                JsonValue value = json.readValue();
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new ModelImportException("model.json does not hold a JSON object.");
                }
                return value.asJsonObject();
            }
        } catch (JsonException | IOException e) {
            throw new ModelImportException("model.json is not valid UTF-8 JSON: " + e.getMessage());
        }
    }

    private static List<TfNode> nodes(JsonArray array) {
        if (array.size() > MAX_NODES) {
            throw new ModelImportException("model.json has more than " + MAX_NODES + " nodes.");
        }
        List<TfNode> nodes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String where = "model.json modelTopology.node[" + i + "]";
            JsonObject node = JsonFields.object(array.get(i), where);
            String name = JsonFields.string(node, "name", where);
            String op = JsonFields.string(node, "op", where);
            List<String> inputs = new ArrayList<>();
            for (JsonValue input : JsonFields.optionalArray(node, "input", where)) {
                String reference = JsonFields.string(input, where + ".input");
                // control dependencies order execution in TF; ONNX has no such thing
                if (!reference.startsWith("^")) {
                    inputs.add(reference);
                }
            }
            nodes.add(new TfNode(name, op, inputs, JsonFields.optionalObject(node, "attr", where)));
        }
        return nodes;
    }

    private static String constType(TfNode node) {
        return node != null && node.op().equals("Const") ? node.type("dtype") : null;
    }

    /** Orders the nodes so that producers come first; GraphDefs do not promise that order. */
    private static List<TfNode> sorted(List<TfNode> nodes, Map<String, TfNode> byName) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        List<TfNode> order = new ArrayList<>(nodes.size());
        for (TfNode start : nodes) {
            if (state.containsKey(start.name())) {
                continue;
            }
            Deque<TfNode> path = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            path.push(start);
            next.push(0);
            state.put(start.name(), 1);
            while (!path.isEmpty()) {
                TfNode node = path.peek();
                int i = next.pop();
                if (i == node.inputs().size()) {
                    path.pop();
                    state.put(node.name(), 2);
                    order.add(node);
                    continue;
                }
                next.push(i + 1);
                String producer = TfNode.producer(node.inputs().get(i));
                TfNode input = byName.get(producer);
                if (input == null) {
                    throw node.fail("reads '" + node.inputs().get(i) + "', which no node produces");
                }
                Integer seen = state.get(producer);
                if (seen == null) {
                    state.put(producer, 1);
                    path.push(input);
                    next.push(0);
                } else if (seen == 1) {
                    throw node.fail("is part of a cycle, which a graph model cannot have");
                }
            }
        }
        return order;
    }

    /**
     * The signature's input or output tensors, by name: tfjs writes them in no useful order, so
     * they are sorted with numbered names in numeric order (Identity, Identity_1, ...,
     * Identity_10). Without a signature, inputs are the Placeholders and outputs the nodes nobody
     * reads.
     */
    private static List<String> endpoints(
            JsonObject signature, String kind, Map<String, TfNode> byName) {
        JsonObject entries = JsonFields.optionalObject(signature, kind, "model.json signature");
        List<String> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : entries.entrySet()) {
            JsonObject spec = JsonFields.object(entry.getValue(), "model.json signature " + kind);
            String name =
                    spec.containsKey("name")
                            ? JsonFields.string(spec, "name", "model.json signature " + kind)
                            : entry.getKey();
            TfNode producer = byName.get(TfNode.producer(name));
            if (producer == null) {
                throw new ModelImportException(
                        "The model's signature names "
                                + kind
                                + " '"
                                + name
                                + "', which no node produces.");
            }
            if (kind.equals("inputs") && !producer.op().equals("Placeholder")) {
                throw new ModelImportException(
                        "The model's signature input '" + name + "' is not a Placeholder.");
            }
            tensors.add(TfNode.canonical(name));
        }
        if (entries.isEmpty()) {
            tensors.addAll(kind.equals("inputs") ? placeholders(byName) : sinks(byName));
        }
        return tensors.stream().distinct().sorted(new NaturalOrder()).toList();
    }

    private static List<String> placeholders(Map<String, TfNode> byName) {
        return byName.values().stream()
                .filter(node -> node.op().equals("Placeholder"))
                .map(TfNode::name)
                .toList();
    }

    private static List<String> sinks(Map<String, TfNode> byName) {
        Map<String, Boolean> read = new HashMap<>();
        byName.values()
                .forEach(node -> node.inputs().forEach(i -> read.put(TfNode.producer(i), true)));
        return byName.values().stream()
                .filter(node -> !node.op().equals("Const") && !read.containsKey(node.name()))
                .map(TfNode::name)
                .toList();
    }
}
