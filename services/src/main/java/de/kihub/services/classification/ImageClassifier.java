package de.kihub.services.classification;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.LoadedModel;
import de.kihub.services.runtime.RuntimeSettings;
import de.kihub.services.runtime.SaturatedException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
    private final ZooModel<NDList, NDList> model;
    private final BlockingQueue<Predictor<BufferedImage, float[]>> predictors;
    private final Semaphore admission;
    private final int workers;
    private final int permits;
    private final long timeoutMillis;
    private final long estimatedBytes;
    private final Path linkDir;

    /**
     * @param onnx the model file (any name; it is linked as model.onnx into its own folder)
     * @param spec labels and preprocessing
     * @param settings workers, threads per request, queue and request timeout
     */
    public ImageClassifier(Path onnx, ClassifierSpec spec, RuntimeSettings settings)
            throws IOException {
        this.spec = spec;
        workers = settings.workers();
        timeoutMillis = settings.requestTimeoutMillis();
        permits = settings.admissionPermits();
        admission = new Semaphore(permits);
        long inputBytes = 4L * 3 * spec.preprocessing().width() * spec.preprocessing().height();
        estimatedBytes =
                BYTES_PER_MODEL_BYTE * Files.size(onnx)
                        + workers
                                * Math.max(MIN_BYTES_PER_WORKER, BYTES_PER_INPUT_BYTE * inputBytes);
        linkDir = Files.createTempDirectory("classifier-");
        boolean loaded = false;
        try {
            Path linked = linkDir.resolve("model.onnx");
            Files.createSymbolicLink(linked, onnx.toAbsolutePath());
            model = load(linked, settings.threadsPerRequest());
            predictors = new ArrayBlockingQueue<>(workers);
            try {
                for (int i = 0; i < workers; i++) {
                    predictors.add(
                            model.newPredictor(new ClassificationTranslator(spec.preprocessing())));
                }
            } catch (RuntimeException e) {
                predictors.forEach(Predictor::close);
                model.close();
                throw e;
            }
            loaded = true;
        } finally {
            if (!loaded) {
                deleteLink();
            }
        }
    }

    private static ZooModel<NDList, NDList> load(Path linked, int threads) throws IOException {
        try {
            return Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine("OnnxRuntime")
                    .optModelPath(linked)
                    .optOption("optLevel", "ALL_OPT")
                    .optOption("interOpNumThreads", "1")
                    .optOption("intraOpNumThreads", String.valueOf(threads))
                    .build()
                    .loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("The classifier cannot be loaded: " + e.getMessage(), e);
        }
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
        if (!admission.tryAcquire()) {
            throw new SaturatedException(
                    "The classifier is at capacity ("
                            + workers
                            + " running, "
                            + (permits - workers)
                            + " waiting); retry in 1 s.");
        }
        try {
            Predictor<BufferedImage, float[]> p =
                    predictors.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (p == null) {
                throw new InferenceTimeoutException(timeoutMillis);
            }
            try {
                return p.predict(image);
            } catch (TranslateException e) {
                throw new IllegalStateException("Classification failed", e);
            } finally {
                predictors.add(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceTimeoutException(timeoutMillis);
        } finally {
            admission.release();
        }
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        deleteLink();
    }

    private void deleteLink() {
        try {
            Files.deleteIfExists(linkDir.resolve("model.onnx"));
            Files.deleteIfExists(linkDir);
        } catch (IOException e) {
            // only a link in a temporary folder is left behind
        }
    }
}
