package de.kihub.services.modelimport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ONNX graph under construction: nodes in execution order, initializers, inputs, outputs. */
final class OnnxGraph {
    final List<OnnxNode> nodes = new ArrayList<>();
    final Map<String, Tensor> initializers = new LinkedHashMap<>();
    final List<GraphValue> inputs = new ArrayList<>();
    final List<GraphValue> outputs = new ArrayList<>();

    Set<String> outputNames() {
        Set<String> names = new HashSet<>();
        outputs.forEach(output -> names.add(output.name()));
        return names;
    }

    /** The node that produces each tensor name. */
    Map<String, OnnxNode> producers() {
        Map<String, OnnxNode> producers = new HashMap<>();
        for (OnnxNode node : nodes) {
            node.outputs().forEach(output -> producers.put(output, node));
        }
        return producers;
    }

    /** How many node inputs and graph outputs read each tensor name. */
    Map<String, Integer> readers() {
        Map<String, Integer> readers = new HashMap<>();
        for (OnnxNode node : nodes) {
            node.inputs().forEach(input -> readers.merge(input, 1, Integer::sum));
        }
        outputs.forEach(output -> readers.merge(output.name(), 1, Integer::sum));
        return readers;
    }

    /** Drops nodes that no output depends on, then initializers that no node reads. */
    void prune() {
        Set<String> live = new HashSet<>(outputNames());
        List<OnnxNode> kept = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            OnnxNode node = nodes.get(i);
            if (node.outputs().stream().anyMatch(live::contains)) {
                kept.add(node);
                live.addAll(node.inputs());
            }
        }
        Collections.reverse(kept);
        nodes.clear();
        nodes.addAll(kept);
        initializers.keySet().retainAll(live);
    }
}
