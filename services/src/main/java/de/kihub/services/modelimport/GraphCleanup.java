package de.kihub.services.modelimport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Simplifies a converted graph without changing what it computes. Graphs that went ONNX → TF → tfjs
 * wrap every convolution in NCHW→NHWC→NCHW transposes, and the literal conversion adds its own
 * pair; cancelling them, moving bias Adds into Conv and padding into Conv/MaxPool makes the model
 * several times smaller and faster to run without optimisation.
 */
final class GraphCleanup {
    private GraphCleanup() {}

    static void run(OnnxGraph graph) {
        boolean changed = true;
        while (changed) {
            changed = composeTransposes(graph);
            changed |= foldBiases(graph);
            changed |= foldPads(graph);
            graph.prune();
        }
    }

    /** Transpose(Transpose(x, p1), p2) is Transpose(x, p1[p2]), and nothing if that is identity. */
    private static boolean composeTransposes(OnnxGraph graph) {
        Map<String, OnnxNode> producers = graph.producers();
        Set<String> outputs = graph.outputNames();
        Map<String, String> renamed = new HashMap<>();
        boolean changed = false;
        for (OnnxNode node : graph.nodes) {
            node.inputs().replaceAll(input -> renamed.getOrDefault(input, input));
            if (!node.opType().equals("Transpose")) {
                continue;
            }
            long[] perm = node.longs("perm");
            OnnxNode inner = producers.get(node.input(0));
            if (inner != null && inner.opType().equals("Transpose")) {
                long[] first = inner.longs("perm");
                long[] composed = new long[perm.length];
                for (int i = 0; i < perm.length; i++) {
                    composed[i] = first[(int) perm[i]];
                }
                node.inputs().set(0, inner.input(0));
                node.set("perm", composed);
                perm = composed;
                changed = true;
            }
            if (isIdentity(perm)) {
                if (outputs.contains(node.output())) {
                    // a graph output keeps its name, so the node stays as a plain Identity
                    node.setOpType("Identity");
                    node.attributes().clear();
                } else {
                    renamed.put(node.output(), node.input(0));
                }
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Add(Conv(x), b) with a constant per-channel b becomes Conv(x, W, b), also when a transpose to
     * NHWC sits between them as the literal mapping of TF's NHWC bias Add leaves it.
     */
    private static boolean foldBiases(OnnxGraph graph) {
        Map<String, OnnxNode> producers = graph.producers();
        Map<String, Integer> readers = graph.readers();
        Set<OnnxNode> folded = new HashSet<>();
        for (OnnxNode add : graph.nodes) {
            if (!add.opType().equals("Add")) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                Tensor bias = graph.initializers.get(add.input(side));
                String other = add.input(1 - side);
                OnnxNode producer = producers.get(other);
                if (bias == null
                        || bias.type() != DataType.FLOAT
                        || producer == null
                        || readers.get(other) != 1) {
                    continue;
                }
                boolean nhwc =
                        producer.opType().equals("Transpose")
                                && Arrays.equals(producer.longs("perm"), SpatialOps.TO_NHWC);
                OnnxNode conv = nhwc ? producers.get(producer.input(0)) : producer;
                if (conv == null
                        || !conv.opType().equals("Conv")
                        || conv.inputs().size() != 2
                        || (nhwc && readers.get(conv.output()) != 1)
                        || folded.contains(conv)) {
                    continue;
                }
                Tensor weights = graph.initializers.get(conv.input(1));
                if (weights == null || !isPerChannel(bias.shape(), weights.shape()[0], nhwc)) {
                    continue;
                }
                String biasName = add.input(side);
                if (bias.rank() != 1) {
                    biasName = add.input(side) + "_vector";
                    graph.initializers.put(biasName, bias.reshaped(new long[] {bias.size()}));
                }
                conv.inputs().add(biasName);
                producer.outputs().set(0, add.output());
                folded.add(conv);
                folded.add(add);
                break;
            }
        }
        graph.nodes.removeIf(node -> node.opType().equals("Add") && folded.contains(node));
        return !folded.isEmpty();
    }

    /** Whether a bias shape broadcasts one value per output channel onto an NHWC or NCHW tensor. */
    private static boolean isPerChannel(long[] shape, long channels, boolean nhwc) {
        long[][] accepted =
                nhwc
                        ? new long[][] {{channels}, {1, 1, 1, channels}}
                        : new long[][] {{channels, 1, 1}, {1, channels, 1, 1}};
        return Arrays.stream(accepted).anyMatch(candidate -> Arrays.equals(candidate, shape));
    }

    /** Pad(0) before Conv and Pad(-inf) before MaxPool become the op's own pads. */
    private static boolean foldPads(OnnxGraph graph) {
        Map<String, OnnxNode> producers = graph.producers();
        Map<String, Integer> readers = graph.readers();
        boolean changed = false;
        for (OnnxNode node : graph.nodes) {
            boolean conv = node.opType().equals("Conv");
            if (!conv && !node.opType().equals("MaxPool")) {
                continue;
            }
            OnnxNode pad = producers.get(node.input(0));
            if (pad == null || !pad.opType().equals("Pad") || readers.get(pad.output()) != 1) {
                continue;
            }
            Tensor pads = graph.initializers.get(pad.input(1));
            float fill = padValue(graph, pad);
            boolean neutral = conv ? fill == 0f : fill == Float.NEGATIVE_INFINITY;
            if (!neutral
                    || !"constant".equals(pad.attributes().getOrDefault("mode", "constant"))
                    || pads == null
                    || pads.size() != 8) {
                continue;
            }
            long[] p = pads.longs();
            if (p[0] != 0
                    || p[1] != 0
                    || p[4] != 0
                    || p[5] != 0
                    || Arrays.stream(p).anyMatch(v -> v < 0)) {
                continue;
            }
            long[] own = node.longs("pads");
            node.set(
                    "pads",
                    new long[] {own[0] + p[2], own[1] + p[3], own[2] + p[6], own[3] + p[7]});
            node.inputs().set(0, pad.input(0));
            changed = true;
        }
        return changed;
    }

    /**
     * The Pad's constant fill, 0 when absent; NaN (never neutral) when it is not a float scalar.
     */
    private static float padValue(OnnxGraph graph, OnnxNode pad) {
        if (pad.inputs().size() < 3 || pad.input(2).isEmpty()) {
            return 0f;
        }
        Tensor value = graph.initializers.get(pad.input(2));
        return value != null && value.type() == DataType.FLOAT && value.size() == 1
                ? value.floats()[0]
                : Float.NaN;
    }

    private static boolean isIdentity(long[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }
}
