package de.kihub.services.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;

/**
 * From an image to the class probabilities of a classifier: the input tensor as {@link
 * Preprocessing} says, the model's first output taken as one score per class, then a softmax over
 * them unless the model gives probabilities already.
 */
final class ClassificationTranslator implements Translator<BufferedImage, float[]> {
    private final Preprocessing preprocessing;

    ClassificationTranslator(Preprocessing preprocessing) {
        this.preprocessing = preprocessing;
    }

    /** One image per call: the input already has its batch dimension. */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        NDArray input =
                ctx.getNDManager()
                        .create(preprocessing.tensor(image), new Shape(preprocessing.shape()));
        return new NDList(input);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray scores = list.get(0);
        long largest = 1;
        for (long d : scores.getShape().getShape()) {
            largest = Math.max(largest, d);
        }
        if (scores.size() != largest) {
            throw new IllegalArgumentException(
                    "the model's first output has the shape "
                            + scores.getShape()
                            + "; a classifier gives one row of scores per image");
        }
        float[] row = scores.toFloatArray();
        return preprocessing.output() == Preprocessing.Output.LOGITS ? softmax(row) : row;
    }

    /**
     * Probabilities from logits, computed from the largest down so that no exponent overflows.
     * Written out because ONNX Runtime's NDArrays have no softmax without a second DJL engine.
     */
    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp((double) logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }
}
