package de.kihub.services.modelimport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Convolution, pooling and resizing. TF runs them on NHWC tensors (on CPU it has no choice), ONNX
 * only on NCHW, so each NHWC op is wrapped in a Transpose to NCHW and one back. Graphs that came
 * from ONNX (onnx-tf) already wrap these ops the other way round; the clean-up cancels both.
 */
final class SpatialOps {
    static final long[] TO_NCHW = {0, 3, 1, 2};
    static final long[] TO_NHWC = {0, 2, 3, 1};

    private SpatialOps() {}

    static void register(Map<String, OpMapping> table) {
        table.put("Conv2D", SpatialOps::conv2d);
        table.put("DepthwiseConv2dNative", SpatialOps::depthwiseConv2d);
        table.put("MaxPool", SpatialOps::maxPool);
        table.put("ResizeBilinear", SpatialOps::resizeBilinear);
    }

    /** Where height, width and channels sit in a 4-D tensor of either layout. */
    private record Layout(boolean nhwc) {
        static Layout of(TfNode node) {
            String format = node.string("data_format", "NHWC");
            if (!format.equals("NHWC") && !format.equals("NCHW")) {
                throw node.fail("has data_format '" + format + "', not NHWC or NCHW");
            }
            return new Layout(format.equals("NHWC"));
        }

        int channel() {
            return nhwc ? 3 : 1;
        }

        int height() {
            return nhwc ? 1 : 2;
        }

        long[] shapeIn(long batch, long channels, long height, long width) {
            return nhwc
                    ? new long[] {batch, height, width, channels}
                    : new long[] {batch, channels, height, width};
        }
    }

    private static void conv2d(TfNode node, Conversion c) {
        convolve(node, c, false, shape -> c.output(node, 0, DataType.FLOAT, shape));
    }

    private static void depthwiseConv2d(TfNode node, Conversion c) {
        convolve(node, c, true, shape -> c.output(node, 0, DataType.FLOAT, shape));
    }

    /**
     * Emits the node's convolution of input 0 with the filter in input 1 as ONNX Conv (for an NHWC
     * node, between transposes) and writes it to the name that {@code output} gives for the
     * result's shape in the node's layout; the fused convolutions add their bias and activation
     * after it.
     *
     * @param depthwise TF's DepthwiseConv2dNative: a constant [h, w, in, multiplier] filter, which
     *     is a grouped convolution with one group per input channel
     * @return the result's shape in the node's layout
     */
    static long[] convolve(
            TfNode node, Conversion c, boolean depthwise, Function<long[], String> output) {
        Layout layout = Layout.of(node);
        long[] in = fourDimensional(node, c);
        long[] strides = spatial(node, layout, "strides", null);
        long[] dilations = spatial(node, layout, "dilations", new long[] {1, 1, 1, 1});
        long channels = in[layout.channel()];
        long[] filter; // HWIO
        String weights;
        if (depthwise) {
            Tensor perChannel = c.constant(node, 1, "filter");
            long[] s = perChannel.shape();
            if (s.length != 4 || perChannel.type() != DataType.FLOAT || s[2] != channels) {
                throw node.fail(
                        "needs a float filter [h, w, "
                                + channels
                                + ", multiplier], not "
                                + Shapes.format(s));
            }
            // output channel i * multiplier + m reads input channel i: the same memory order
            Tensor grouped = perChannel.reshaped(new long[] {s[0], s[1], 1, s[2] * s[3]});
            filter = grouped.shape();
            weights = oihwInitializer(node, c, grouped);
        } else {
            Conversion.Value filterValue = c.value(node, 1);
            filter = filterValue.shape();
            if (filter.length != 4
                    || !Shapes.isKnown(filter)
                    || filterValue.type() != DataType.FLOAT) {
                throw node.fail("needs a float filter of static shape [h, w, in, out]");
            }
            weights = oihwFilter(node, c);
        }
        // TF derives grouped convolution from the filter's in-channels; 1 group for plain convs
        if (channels <= 0 || channels % filter[2] != 0 || filter[3] % (channels / filter[2]) != 0) {
            throw node.fail(
                    "has "
                            + channels
                            + " input channels, which its filter "
                            + Shapes.format(filter)
                            + " does not fit");
        }
        long[] kernel = {filter[0], filter[1]};
        long[] pads = padding(node, layout, in, kernel, strides, dilations);
        List<String> inputs = List.of(toNchw(c, node, layout), weights);
        long[] outHw = outputSize(node, layout, in, kernel, strides, dilations, pads);
        long[] shape = layout.shapeIn(in[0], filter[3], outHw[0], outHw[1]);
        OnnxNode conv = emitWrapped(node, c, layout, "Conv", inputs, output.apply(shape));
        conv.set("kernel_shape", kernel)
                .set("strides", strides)
                .set("dilations", dilations)
                .set("pads", pads)
                .set("group", channels / filter[2]);
        return shape;
    }

    private static void maxPool(TfNode node, Conversion c) {
        Layout layout = Layout.of(node);
        long[] in = fourDimensional(node, c);
        long[] kernel = spatial(node, layout, "ksize", null);
        long[] strides = spatial(node, layout, "strides", null);
        long[] dilations = {1, 1};
        long[] pads = padding(node, layout, in, kernel, strides, dilations);
        long[] outHw = outputSize(node, layout, in, kernel, strides, dilations, pads);
        List<String> inputs = List.of(toNchw(c, node, layout));
        long[] shape = layout.shapeIn(in[0], in[layout.channel()], outHw[0], outHw[1]);
        // ONNX MaxPool ignores padded cells, as TF's SAME pooling does
        emitWrapped(node, c, layout, "MaxPool", inputs, c.output(node, 0, DataType.FLOAT, shape))
                .set("kernel_shape", kernel)
                .set("strides", strides)
                .set("pads", pads);
    }

    private static void resizeBilinear(TfNode node, Conversion c) {
        Layout layout = new Layout(true); // TF's ResizeBilinear is always NHWC
        long[] in = fourDimensional(node, c);
        long[] size = c.integers(node, 1, "size");
        if (size.length != 2 || size[0] <= 0 || size[1] <= 0 || in[0] < 0 || in[3] < 0) {
            throw node.fail(
                    "resizes "
                            + Shapes.format(in)
                            + " to "
                            + Arrays.toString(size)
                            + "; it needs a known batch and channel count and a positive size");
        }
        boolean alignCorners = node.bool("align_corners", false);
        boolean halfPixel = node.bool("half_pixel_centers", false);
        if (alignCorners && halfPixel) {
            throw node.fail("sets both align_corners and half_pixel_centers");
        }
        String mode = alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric";
        Tensor none = Tensor.ofFloats(new long[] {0}, new float[0]);
        List<String> inputs =
                List.of(
                        toNchw(c, node, layout),
                        c.initializer(node.name() + "_roi", none),
                        c.initializer(node.name() + "_scales", none),
                        c.initializer(
                                node.name() + "_sizes",
                                Tensor.int64Vector(in[0], in[3], size[0], size[1])));
        long[] shape = {in[0], size[0], size[1], in[3]};
        // bilinear without antialiasing, as TF does, also when downsampling (ONNX 13 has none)
        emitWrapped(node, c, layout, "Resize", inputs, c.output(node, 0, DataType.FLOAT, shape))
                .set("mode", "linear")
                .set("coordinate_transformation_mode", mode);
    }

    private static long[] fourDimensional(TfNode node, Conversion c) {
        Conversion.Value x = c.value(node, 0);
        if (x.rank() != 4 || x.type() != DataType.FLOAT) {
            throw node.fail(
                    "needs a 4-D float input, not " + x.type() + " " + Shapes.format(x.shape()));
        }
        return x.shape();
    }

    /** The (height, width) entries of a 4-entry attribute; the others must be 1. */
    private static long[] spatial(TfNode node, Layout layout, String key, long[] fallback) {
        long[] values = node.integers(key, fallback);
        if (values == null || values.length != 4) {
            throw node.fail("needs a 4-entry '" + key + "' attribute");
        }
        int h = layout.height();
        if (values[0] != 1 || values[layout.channel()] != 1 || values[h] < 1 || values[h + 1] < 1) {
            throw node.fail("has unsupported " + key + " " + Arrays.toString(values));
        }
        return new long[] {values[h], values[h + 1]};
    }

    /** ONNX pads [top, left, bottom, right] for TF's VALID, SAME or EXPLICIT padding. */
    private static long[] padding(
            TfNode node,
            Layout layout,
            long[] in,
            long[] kernel,
            long[] strides,
            long[] dilations) {
        String padding = node.string("padding", "");
        int h = layout.height();
        switch (padding) {
            case "VALID":
                return new long[4];
            case "SAME":
                long[] pads = new long[4];
                for (int i = 0; i < 2; i++) {
                    long size = in[h + i];
                    if (size < 0) {
                        throw node.fail("uses SAME padding on an input of unknown size");
                    }
                    long out = (size + strides[i] - 1) / strides[i];
                    long extent = (kernel[i] - 1) * dilations[i] + 1;
                    long total = Math.max((out - 1) * strides[i] + extent - size, 0);
                    // TF puts the odd pixel at the end (bottom, right)
                    pads[i] = total / 2;
                    pads[i + 2] = total - total / 2;
                }
                return pads;
            case "EXPLICIT":
                long[] explicit = node.integers("explicit_paddings", new long[0]);
                if (explicit.length != 8 || Arrays.stream(explicit).anyMatch(p -> p < 0)) {
                    throw node.fail("has EXPLICIT padding without 8 valid explicit_paddings");
                }
                return new long[] {
                    explicit[2 * h], explicit[2 * h + 2], explicit[2 * h + 1], explicit[2 * h + 3]
                };
            default:
                throw node.fail("has padding '" + padding + "', not VALID, SAME or EXPLICIT");
        }
    }

    private static long[] outputSize(
            TfNode node,
            Layout layout,
            long[] in,
            long[] kernel,
            long[] strides,
            long[] dilations,
            long[] pads) {
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            long size = in[layout.height() + i];
            long extent = (kernel[i] - 1) * dilations[i] + 1;
            long padded = size + pads[i] + pads[i + 2];
            if (size >= 0 && padded < extent) {
                throw node.fail("has a window larger than its input " + Shapes.format(in));
            }
            out[i] = size < 0 ? -1 : (padded - extent) / strides[i] + 1;
        }
        return out;
    }

    /** The ONNX filter: TF's HWIO constant transposed to OIHW, or a Transpose node if computed. */
    private static String oihwFilter(TfNode node, Conversion c) {
        Tensor filter = c.constantOrNull(node.inputs().get(1));
        if (filter == null) {
            String transposed = c.fresh(node.name() + "_filter_oihw");
            c.emit("Transpose", List.of(c.input(node, 1)), transposed)
                    .set("perm", new long[] {3, 2, 0, 1});
            return transposed;
        }
        return oihwInitializer(node, c, filter);
    }

    private static String oihwInitializer(TfNode node, Conversion c, Tensor filter) {
        long[] s = filter.shape();
        int kh = (int) s[0];
        int kw = (int) s[1];
        int ci = (int) s[2];
        int co = (int) s[3];
        float[] hwio = filter.floats();
        float[] oihw = new float[hwio.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        oihw[((o * ci + i) * kh + h) * kw + w] =
                                hwio[((h * kw + w) * ci + i) * co + o];
                    }
                }
            }
        }
        return c.initializer(
                node.name() + "_filter_oihw", Tensor.ofFloats(new long[] {co, ci, kh, kw}, oihw));
    }

    private static String toNchw(Conversion c, TfNode node, Layout layout) {
        String input = c.input(node, 0);
        if (!layout.nhwc()) {
            return input;
        }
        String nchw = c.fresh(node.name() + "_nchw_in");
        c.emit("Transpose", List.of(input), nchw).set("perm", TO_NCHW);
        return nchw;
    }

    /**
     * Emits the NCHW op and, for an NHWC node, the Transpose back into {@code output}; returns the
     * op to configure.
     */
    private static OnnxNode emitWrapped(
            TfNode node,
            Conversion c,
            Layout layout,
            String opType,
            List<String> inputs,
            String output) {
        if (!layout.nhwc()) {
            return c.emit(opType, inputs, output);
        }
        String nchw = c.fresh(node.name() + "_nchw_out");
        OnnxNode op = c.emit(opType, inputs, nchw);
        c.emit("Transpose", List.of(nchw), output).set("perm", TO_NHWC);
        return op;
    }
}
