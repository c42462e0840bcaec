package de.kihub.services.counting.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * From a frame to NanoDet's six raw outputs (class scores and box distances per stride), in the
 * order the decoder expects. Outputs are taken by name, since converters may reorder them.
 */
final class NanoDetTranslator implements Translator<BufferedImage, RawOutputs> {
    static final String[] OUTPUTS = {
        "Identity", "Identity_1", "Identity_2", "Identity_3", "Identity_4", "Identity_5"
    };
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";

    /** One frame per call: the input already has its batch dimension. */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        ctx.setAttachment(WIDTH, image.getWidth());
        ctx.setAttachment(HEIGHT, image.getHeight());
        NDArray input =
                ctx.getNDManager()
                        .create(
                                NanoDetInput.tensor(image),
                                new Shape(1, 3, NanoDetInput.SIZE, NanoDetInput.SIZE));
        return new NDList(input);
    }

    @Override
    public RawOutputs processOutput(TranslatorContext ctx, NDList list) {
        if (list.size() != OUTPUTS.length) {
            throw new IllegalArgumentException(
                    "the model gives " + list.size() + " outputs, NanoDet-m has " + OUTPUTS.length);
        }
        List<float[]> outputs = new ArrayList<>(OUTPUTS.length);
        for (int i = 0; i < OUTPUTS.length; i++) {
            NDArray named = list.get(OUTPUTS[i]);
            outputs.add((named != null ? named : list.get(i)).toFloatArray());
        }
        return new RawOutputs(
                outputs, (Integer) ctx.getAttachment(WIDTH), (Integer) ctx.getAttachment(HEIGHT));
    }
}
