package de.kihub.services.classification;

import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.LoadedModel;
import de.kihub.services.runtime.OnnxPredictors;
import de.kihub.services.runtime.RuntimeSettings;
import de.kihub.services.runtime.SaturatedException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An image classifier on DJL's ONNX Runtime engine: one model, one predictor per worker (a
 * predictor is not thread-safe), admission and a timeout as for the person detectors: a request
 * takes one of {@code workers x (1 + queuePerWorker)} permits without waiting or is refused with
 * {@link SaturatedException}, then waits at most the request timeout for a free predictor ({@link
 * InferenceTimeoutException}).
 */
public final class ImageClassifier implements LoadedModel {
    /**
     * Memory per byte of ONNX file: the weights and ONNX Runtime's optimised copies of them, as for
     * the person detectors (docs/benchmarks.md).
     */
    static final long BYTES_PER_MODEL_BYTE = 2;

    /**
     * Activation memory per worker: 64 times the input tensor (a ResNet-50 at 224x224 keeps about
     * that much in its largest layers), at least the 16 MiB taken for a person detector. An
     * estimate for the pool's bound, not a measurement.
     */
    static final long MIN_BYTES_PER_WORKER = 16L << 20;

    static final long BYTES_PER_INPUT_BYTE = 64;

    private final ClassifierSpec spec;
    private final OnnxPredictors<float[]> onnx;
    private final long estimatedBytes;

    /**
     * @param onnx the model file (any name; it is linked as model.onnx into its own folder)
     * @param spec labels and preprocessing
     * @param settings workers, threads per request, queue and request timeout
     */
    public ImageClassifier(Path onnx, ClassifierSpec spec, RuntimeSettings settings)
            throws IOException {
        this.spec = spec;
        long inputBytes = 4L * 3 * spec.preprocessing().width() * spec.preprocessing().height();
        estimatedBytes =
                BYTES_PER_MODEL_BYTE * Files.size(onnx)
                        + settings.workers()
                                * Math.max(MIN_BYTES_PER_WORKER, BYTES_PER_INPUT_BYTE * inputBytes);
        this.onnx =
                OnnxPredictors.<float[]>load("the classifier", onnx, settings)
                        .startWorkers(() -> new ClassificationTranslator(spec.preprocessing()));
    }

    public ClassifierSpec spec() {
        return spec;
    }

    /**
     * The most probable class of the image.
     *
     * @throws SaturatedException if every admission permit is taken
     * @throws InferenceTimeoutException if no worker became free within the request timeout
     * @throws IllegalStateException if the model's scores do not fit the labels
     */
    public Classification classify(BufferedImage image) {
        float[] probabilities = probabilities(image);
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Classification(spec.labels().get(best), best, probabilities[best]);
    }

    /** One probability per label, in the labels' order. */
    public float[] probabilities(BufferedImage image) {
        float[] p = predict(image);
        List<String> labels = spec.labels();
        if (p.length != labels.size()) {
            throw new IllegalStateException(
                    "the model gives "
                            + p.length
                            + " scores per image, but "
                            + ClassifierConvention.LABELS_FILE
                            + " names "
                            + labels.size()
                            + " classes");
        }
        for (float v : p) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("the model gives scores that are not numbers");
            }
        }
        return p;
    }

    private float[] predict(BufferedImage image) {
        try (OnnxPredictors<float[]>.Lease lease = onnx.admit()) {
            return lease.predict(image);
        }
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    @Override
    public void close() {
        onnx.close();
    }
}
