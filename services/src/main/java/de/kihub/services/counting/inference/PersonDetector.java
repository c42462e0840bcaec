package de.kihub.services.counting.inference;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
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
 * A person detector on DJL's ONNX Runtime engine: NanoDet-m or CenterNet, recognised from the
 * model's signature once it has loaded ({@link DetectorArchitecture}), each with its own
 * preprocessing and decoding. One model is loaded; one predictor per worker serves requests (a
 * predictor is not thread-safe). A model that fits neither loads, but every detection with it
 * fails, which the warm-up of {@link Detectors} turns into a refusal.
 *
 * <p>Admission keeps the wait bounded: a request first takes one of {@code workers x (1 +
 * queuePerWorker)} permits without waiting, or is refused at once with {@link SaturatedException};
 * an admitted request then waits at most the request timeout for a free predictor, or fails with
 * {@link InferenceTimeoutException}.
 */
public final class PersonDetector implements LoadedModel {
    /**
     * Memory per byte of ONNX file: ONNX Runtime keeps the weights and, with graph optimisation,
     * pre-packed copies of the convolution weights. docs/benchmarks.md measured 25 MiB of resident
     * memory for each further NanoDet-m (a 14.5 MiB file) with one worker and one frame run; this
     * factor and {@link #BYTES_PER_WORKER} give 45 MiB, a deliberate over-estimate so that models
     * with larger activations still stay inside the bound.
     */
    static final long BYTES_PER_MODEL_BYTE = 2;

    /**
     * Activation buffers of one 416x416 NanoDet-m inference, per worker that may run at once; also
     * taken for a model that fits no detector. CenterNet needs more ({@link
     * DetectorArchitecture#bytesPerWorker}).
     */
    static final long BYTES_PER_WORKER = 16L << 20;

    private final ZooModel<NDList, NDList> model;
    private final DetectorArchitecture architecture;
    private final String unfit;
    private final BlockingQueue<Predictor<BufferedImage, RawOutputs>> predictors;
    private final Semaphore admission;
    private final int workers;
    private final int permits;
    private final long timeoutMillis;
    private final long estimatedBytes;
    private final Path linkDir;

    /**
     * @param onnx the model file (any name; it is linked as model.onnx into its own folder)
     * @param settings workers, threads per request, queue and request timeout
     */
    public PersonDetector(Path onnx, RuntimeSettings settings) throws IOException {
        workers = settings.workers();
        timeoutMillis = settings.requestTimeoutMillis();
        permits = settings.admissionPermits();
        admission = new Semaphore(permits);
        long modelBytes = BYTES_PER_MODEL_BYTE * Files.size(onnx);
        linkDir = Files.createTempDirectory("people-counter-");
        boolean loaded = false;
        try {
            Path linked = linkDir.resolve("model.onnx");
            Files.createSymbolicLink(linked, onnx.toAbsolutePath());
            model = loadModel(linked, settings.threadsPerRequest());
            predictors = new ArrayBlockingQueue<>(workers);
            try {
                ModelSignature signature = ModelSignature.read(onnx);
                architecture = DetectorArchitecture.recognise(signature).orElse(null);
                unfit =
                        architecture != null
                                ? null
                                : "the model ("
                                        + signature.describe()
                                        + ") fits no person detector the hub runs";
                estimatedBytes =
                        modelBytes
                                + workers
                                        * (architecture == null
                                                ? BYTES_PER_WORKER
                                                : architecture.bytesPerWorker());
                for (int i = 0; architecture != null && i < workers; i++) {
                    predictors.add(model.newPredictor(architecture.translator()));
                }
            } catch (IOException | RuntimeException e) {
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

    /** Loaded without a translator: which one fits is known only after reading the signature. */
    private static ZooModel<NDList, NDList> loadModel(Path linked, int threads) throws IOException {
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
            throw new IOException(
                    "The people counter's model cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** The detector the model was recognised as, e.g. {@code CenterNet}; empty if none. */
    public String architecture() {
        return architecture == null ? "" : architecture.displayName();
    }

    /**
     * Persons in the frame, highest score first.
     *
     * @throws SaturatedException if every admission permit is taken
     * @throws InferenceTimeoutException if no worker became free within the request timeout
     * @throws IllegalStateException if the model is neither NanoDet-m nor CenterNet
     */
    public List<Detection> detect(BufferedImage image, DetectionSettings settings) {
        if (architecture == null) {
            throw new IllegalStateException(unfit);
        }
        try (Slot slot = admit()) {
            return slot.detect(image, settings);
        }
    }

    /** Admission and a free predictor, held until the slot is closed. */
    Slot admit() {
        if (!admission.tryAcquire()) {
            throw new SaturatedException(
                    "The people counter is at capacity ("
                            + workers
                            + " running, "
                            + (permits - workers)
                            + " waiting); retry in 1 s.");
        }
        boolean admitted = false;
        try {
            Predictor<BufferedImage, RawOutputs> p =
                    predictors.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (p == null) {
                throw new InferenceTimeoutException(timeoutMillis);
            }
            admitted = true;
            return new Slot(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceTimeoutException(timeoutMillis);
        } finally {
            if (!admitted) {
                admission.release();
            }
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

    /** One admitted request holding one predictor. */
    final class Slot implements AutoCloseable {
        private final Predictor<BufferedImage, RawOutputs> predictor;

        private Slot(Predictor<BufferedImage, RawOutputs> predictor) {
            this.predictor = predictor;
        }

        List<Detection> detect(BufferedImage image, DetectionSettings settings) {
            try {
                return architecture.decode(predictor.predict(image), settings);
            } catch (TranslateException e) {
                throw new IllegalStateException("Person detection failed", e);
            }
        }

        @Override
        public void close() {
            predictors.add(predictor);
            admission.release();
        }
    }
}
