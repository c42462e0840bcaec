package de.kihub.services.modelimport;

import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js graph model read into memory.
 *
 * @param nodes every node, ordered so that each comes after the nodes it reads
 * @param weights the values of the Const nodes, by node name
 * @param inputs the graph's input tensors (canonical references, see {@link TfNode#canonical})
 * @param outputs the graph's output tensors in name order (canonical references)
 */
record TfjsGraph(
        List<TfNode> nodes,
        Map<String, Tensor> weights,
        List<String> inputs,
        List<String> outputs) {
    TfjsGraph {
        nodes = List.copyOf(nodes);
        weights = Map.copyOf(weights);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
