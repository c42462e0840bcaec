package de.kihub.services.runtime;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An ONNX model loaded with ONNX Runtime through DJL, with one predictor per worker and a bound on
 * the requests admitted at once: what a person detector and an image classifier share. A request
 * first takes an admission permit (workers plus the configured waiting places per worker; none
 * free: {@link SaturatedException} at once), then waits up to the request timeout for a free
 * predictor ({@link InferenceTimeoutException}). The model file is linked as {@code model.onnx}
 * into its own temporary folder, because DJL names a model after its folder and file.
 *
 * @param <O> what a predictor gives for an image
 */
public final class OnnxPredictors<O> implements AutoCloseable {
    private final String name;
    private final ZooModel<NDList, NDList> model;
    private final Path linkDir;
    private final int workers;
    private final int permits;
    private final long timeoutMillis;
    private final Semaphore admission;
    private final BlockingQueue<Predictor<BufferedImage, O>> predictors;

    private OnnxPredictors(
            String name, ZooModel<NDList, NDList> model, Path linkDir, RuntimeSettings settings) {
        this.name = name;
        this.model = model;
        this.linkDir = linkDir;
        this.workers = settings.workers();
        this.permits = settings.admissionPermits();
        this.timeoutMillis = settings.requestTimeoutMillis();
        this.admission = new Semaphore(permits);
        this.predictors = new ArrayBlockingQueue<>(workers);
    }

    /**
     * Loads the model without predictors yet ({@link #startWorkers}): a detector knows its
     * translator only after reading the model's signature.
     *
     * @param name what the model is, for messages ("the people counter", "the classifier")
     * @param onnx the model file (any name)
     * @param settings workers, threads per request, waiting places and request timeout
     * @throws IOException if the file cannot be linked or ONNX Runtime cannot load it
     */
    public static <O> OnnxPredictors<O> load(String name, Path onnx, RuntimeSettings settings)
            throws IOException {
        Path linkDir = Files.createTempDirectory("kihub-model-");
        try {
            Path linked = linkDir.resolve("model.onnx");
            Files.createSymbolicLink(linked, onnx.toAbsolutePath());
            return new OnnxPredictors<>(
                    name, load(name, linked, settings.threadsPerRequest()), linkDir, settings);
        } catch (IOException | RuntimeException e) {
            deleteLink(linkDir);
            throw e;
        }
    }

    private static ZooModel<NDList, NDList> load(String name, Path linked, int threads)
            throws IOException {
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
            throw new IOException(capitalized(name) + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Makes one predictor per worker, each with its own translator (translators keep per-request
     * buffers); on failure the model is closed.
     */
    public OnnxPredictors<O> startWorkers(Supplier<Translator<BufferedImage, O>> translators) {
        try {
            for (int i = 0; i < workers; i++) {
                predictors.add(model.newPredictor(translators.get()));
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Admission and a free predictor, held until the lease is closed.
     *
     * @throws SaturatedException if every admission permit is taken
     * @throws InferenceTimeoutException if no predictor became free within the request timeout
     */
    public Lease admit() {
        if (!admission.tryAcquire()) {
            throw new SaturatedException(
                    capitalized(name)
                            + " is at capacity ("
                            + workers
                            + " running, "
                            + (permits - workers)
                            + " waiting); retry in 1 s.");
        }
        boolean admitted = false;
        try {
            Predictor<BufferedImage, O> p = predictors.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (p == null) {
                throw new InferenceTimeoutException(timeoutMillis);
            }
            admitted = true;
            return new Lease(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceTimeoutException(timeoutMillis);
        } finally {
            if (!admitted) {
                admission.release();
            }
        }
    }

    /** One admitted request holding one predictor. */
    public final class Lease implements AutoCloseable {
        private final Predictor<BufferedImage, O> predictor;

        private Lease(Predictor<BufferedImage, O> predictor) {
            this.predictor = predictor;
        }

        /**
         * @throws IllegalStateException if the model fails on the image
         */
        public O predict(BufferedImage image) {
            try {
                return predictor.predict(image);
            } catch (TranslateException e) {
                throw new IllegalStateException(capitalized(name) + " failed on the image", e);
            }
        }

        @Override
        public void close() {
            predictors.add(predictor);
            admission.release();
        }
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        deleteLink(linkDir);
    }

    private static void deleteLink(Path linkDir) {
        try {
            Files.deleteIfExists(linkDir.resolve("model.onnx"));
            Files.deleteIfExists(linkDir);
        } catch (IOException e) {
            // only a link in a temporary folder is left behind
        }
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
