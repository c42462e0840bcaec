package de.kihub.services.counting.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * From a frame to CenterNet's decoded top-100 rows ({@code tower_0/detections}, as the importer
 * names it); the heat map and box sizes the graph also gives are not needed. Keeps its input buffer
 * ({@link CenterNetInput}): one translator per predictor.
 */
final class CenterNetTranslator implements Translator<BufferedImage, RawOutputs> {
    static final String INPUT = "tower_0_images";
    static final String DETECTIONS = "tower_0_detections";
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";

    private final CenterNetInput input = new CenterNetInput();

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
                                new Shape(1, CenterNetInput.SIZE, CenterNetInput.SIZE, 3),
                                DataType.FLOAT32);
        tensor.setName(INPUT);
        return new NDList(tensor);
    }

    @Override
    public RawOutputs processOutput(TranslatorContext ctx, NDList list) {
        NDArray detections = list.get(DETECTIONS);
        if (detections == null) {
            throw new IllegalArgumentException("the model gives no " + DETECTIONS);
        }
        return new RawOutputs(
                List.<float[][]>of(new float[][] {detections.toFloatArray()}),
                (Integer) ctx.getAttachment(WIDTH),
                (Integer) ctx.getAttachment(HEIGHT));
    }
}
