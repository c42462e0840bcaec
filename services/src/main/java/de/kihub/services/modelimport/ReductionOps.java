package de.kihub.services.modelimport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reductions over constant axes. Opset 13's ReduceMean still takes its axes as an attribute, and
 * reduces everything when they are empty, whereas TF then reduces nothing.
 */
final class ReductionOps {
    private ReductionOps() {}

    static void register(Map<String, OpMapping> table) {
        table.put("Mean", ReductionOps::mean);
    }

    private static void mean(TfNode node, Conversion c) {
        Conversion.Value x = ElementwiseOps.requireFloat(node, c.value(node, 0));
        long[] given = c.integers(node, 1, "axes");
        boolean keepDims = node.bool("keep_dims", false);
        long[] in = x.shape();
        boolean[] reduced = new boolean[in.length];
        for (long axis : given) {
            int a = Shapes.axis(axis, in.length);
            if (a < 0 || reduced[a]) {
                throw node.fail(
                        "reduces over axes " + Arrays.toString(given) + " of rank " + in.length);
            }
            reduced[a] = true;
        }
        long[] axes = new long[given.length];
        long[] shape = new long[keepDims ? in.length : in.length - given.length];
        for (int d = 0, a = 0, k = 0; d < in.length; d++) {
            if (reduced[d]) {
                axes[a++] = d;
            }
            if (keepDims) {
                shape[d] = reduced[d] ? 1 : in[d];
            } else if (!reduced[d]) {
                shape[k++] = in[d];
            }
        }
        String input = c.input(node, 0);
        String output = c.output(node, 0, x.type(), shape);
        if (axes.length == 0) {
            c.emit("Identity", List.of(input), output);
            return;
        }
        c.emit("ReduceMean", List.of(input), output)
                .set("axes", axes)
                .set("keepdims", keepDims ? 1L : 0L);
    }
}
