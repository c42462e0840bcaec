package de.kihub.services.counting.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * From a frame to NanoDet's six raw outputs (class scores and box distances per stride), in the
 * order the decoder expects. Outputs are taken by name, since converters may reorder them.
 *
 * <p>Per request it allocates no large array: the input tensor is this translator's own buffer
 * ({@link NanoDetInput}), and the outputs are read row by row (one small array per grid cell)
 * instead of as one array per output, whose largest (52x52x80 class scores, 845 KiB) DJL and ONNX
 * Runtime would otherwise copy twice into humongous objects. Not thread-safe, like the predictor:
 * each predictor needs its own translator ({@code model.newPredictor(new NanoDetTranslator())}).
 */
final class NanoDetTranslator implements Translator<BufferedImage, RawOutputs> {
    static final String[] OUTPUTS = {
        "Identity", "Identity_1", "Identity_2", "Identity_3", "Identity_4", "Identity_5"
    };
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";

    private final NanoDetInput input = new NanoDetInput();

    /** One frame per call: the input already has its batch dimension. */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        ctx.setAttachment(WIDTH, image.getWidth());
        ctx.setAttachment(HEIGHT, image.getHeight());
        NDArray tensor =
                ctx.getNDManager()
                        .create(
                                input.fill(image),
                                new Shape(1, 3, NanoDetInput.SIZE, NanoDetInput.SIZE),
                                DataType.FLOAT32);
        return new NDList(tensor);
    }

    @Override
    public RawOutputs processOutput(TranslatorContext ctx, NDList list) {
        if (list.size() != OUTPUTS.length) {
            throw new IllegalArgumentException(
                    "the model gives " + list.size() + " outputs, NanoDet-m has " + OUTPUTS.length);
        }
        List<float[][]> outputs = new ArrayList<>(OUTPUTS.length);
        for (int i = 0; i < OUTPUTS.length; i++) {
            NDArray named = list.get(OUTPUTS[i]);
            outputs.add(rows(named != null ? named : list.get(i)));
        }
        return new RawOutputs(
                outputs, (Integer) ctx.getAttachment(WIDTH), (Integer) ctx.getAttachment(HEIGHT));
    }

    /**
     * A 1 x cells x values output as one row per cell. ONNX Runtime builds the nested arrays
     * itself; another engine's array (or another shape, which the decoder then refuses) is copied
     * once and split.
     */
    static float[][] rows(NDArray output) {
        long[] shape = output.getShape().getShape();
        if (output instanceof OrtNDArray ort
                && shape.length == 3
                && shape[0] == 1
                && output.getDataType() == DataType.FLOAT32) {
            try {
                return ((float[][][]) ort.getTensor().getValue())[0];
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not read an output", e);
            }
        }
        float[] flat = output.toFloatArray();
        int perRow = shape.length == 0 ? flat.length : (int) shape[shape.length - 1];
        if (perRow <= 0 || flat.length % perRow != 0) {
            return new float[][] {flat};
        }
        float[][] rows = new float[flat.length / perRow][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * perRow, (r + 1) * perRow);
        }
        return rows;
    }
}
