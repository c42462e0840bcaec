package de.kihub.services.counting.inference;

import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
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

    private final OnnxPredictors<RawOutputs> onnx;
    private final DetectorArchitecture architecture;
    private final String unfit;
    private final long estimatedBytes;

    /**
     * @param onnx the model file (any name; it is linked as model.onnx into its own folder)
     * @param settings workers, threads per request, queue and request timeout
     */
    public PersonDetector(Path onnx, RuntimeSettings settings) throws IOException {
        long modelBytes = BYTES_PER_MODEL_BYTE * Files.size(onnx);
        this.onnx = OnnxPredictors.load("the people counter", onnx, settings);
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
                            + settings.workers()
                                    * (architecture == null
                                            ? BYTES_PER_WORKER
                                            : architecture.bytesPerWorker());
        } catch (IOException | RuntimeException e) {
            this.onnx.close();
            throw e;
        }
        if (architecture != null) {
            this.onnx.startWorkers(architecture::translator); // closes the model if it fails
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
        try (OnnxPredictors<RawOutputs>.Lease lease = admit()) {
            return architecture.decode(lease.predict(image), settings);
        }
    }

    /** Admission and a free predictor, held until the lease is closed. */
    OnnxPredictors<RawOutputs>.Lease admit() {
        return onnx.admit();
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
