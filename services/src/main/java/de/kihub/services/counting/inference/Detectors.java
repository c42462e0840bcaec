package de.kihub.services.counting.inference;

import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.Sha256;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.LoadedModel;
import de.kihub.services.runtime.ModelNotUsableException;
import de.kihub.services.runtime.ModelPool;
import de.kihub.services.runtime.RuntimeModels;
import de.kihub.services.runtime.RuntimeSettings;
import de.kihub.services.runtime.RuntimeStats;
import de.kihub.services.runtime.SaturatedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The person detectors of the hub's deployments, one per model content (sha256) in the runtime's
 * bounded {@link ModelPool} ({@link RuntimeModels}, shared with the classifiers). Deployments
 * {@link #retain} and {@link #release} their artifact; requests {@link #detect} with it, loading it
 * on demand. Every load is checked with a warm-up inference, so a model that cannot count people is
 * refused when it is deployed, not at its first request. Limits come from {@link RuntimeSettings},
 * read once at start.
 */
@ApplicationScoped
public class Detectors {
    /** The warm-up frame: blank, and not the model's own size so the resize path runs too. */
    static final int WARM_UP_SIZE = 320;

    private static final Logger LOG = Logger.getLogger(Detectors.class.getName());

    /** The detectors' name in the runtime's pool. */
    static final String KIND = "detector";

    @Inject ArtifactStore store;

    private final AtomicLong saturated = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private RuntimeSettings settings;
    private ArtifactFiles files;

    /** The runtime's one pool, shared with the classifiers. */
    @Inject RuntimeModels models;

    /** Where an artifact's content lies as a file, for ONNX Runtime to load. */
    @FunctionalInterface
    interface ArtifactFiles {
        Path file(String sha256) throws IOException;
    }

    /** For CDI; the settings are read in {@link #start()}. */
    public Detectors() {}

    /** Without CDI (tests): a pool of their own with these settings. */
    Detectors(RuntimeSettings settings, ArtifactFiles files) {
        this.models = new RuntimeModels(settings);
        configure(files);
    }

    /** Closes the pool of its own (tests); with CDI the shared pool closes at shutdown. */
    void close() {
        models.close();
    }

    @PostConstruct
    void start() {
        configure(sha256 -> store.localFile(Sha256.of(sha256)));
    }

    private void configure(ArtifactFiles files) {
        this.settings = models.settings();
        this.files = files;
        models.register(KIND, this::load);
    }

    /**
     * Loads the artifact's detector now (with a warm-up inference) if it is not loaded, and pins it
     * for one more deployment.
     *
     * @throws ModelNotUsableException if the model does not load or is neither NanoDet-m nor
     *     CenterNet (by its signature and a warm-up inference); then nothing stays loaded or pinned
     * @throws SaturatedException if every loaded model is serving requests, so none can make room
     */
    public void retain(String sha256) {
        models.retain(KIND, sha256);
    }

    /** Unpins the artifact for one deployment; the last release unloads it once it is idle. */
    public void release(String sha256) {
        if (!models.release(KIND, sha256)) {
            // a release without retain is the caller's bug, but must not fail e.g. a retirement
            LOG.warning("Model artifact " + sha256 + " was released but not retained");
        }
    }

    /**
     * Persons in the image, highest score first, with the artifact's detector (loaded on demand).
     *
     * @throws SaturatedException no admission permit, or no room to load the model (429)
     * @throws InferenceTimeoutException no free worker within the request timeout (503)
     * @throws ModelNotUsableException the artifact cannot be loaded as a person detector
     */
    public List<Detection> detect(String sha256, BufferedImage image, DetectionSettings settings) {
        try (ModelPool.Lease<LoadedModel> lease = models.lease(KIND, sha256)) {
            return ((PersonDetector) lease.model()).detect(image, settings);
        } catch (SaturatedException e) {
            saturated.incrementAndGet();
            throw e;
        } catch (InferenceTimeoutException e) {
            timedOut.incrementAndGet();
            throw e;
        }
    }

    public RuntimeStats stats() {
        return new RuntimeStats(
                models.stats(),
                settings.maxLoadedModels(),
                settings.maxModelBytes(),
                settings.admissionPermits(),
                saturated.get(),
                timedOut.get());
    }

    private PersonDetector load(String sha256) {
        Path file;
        try {
            file = files.file(sha256);
        } catch (IOException | RuntimeException e) {
            throw new ModelNotUsableException(sha256, "its content cannot be read (" + e + ").", e);
        }
        PersonDetector detector;
        try {
            detector = new PersonDetector(file, settings);
        } catch (IOException | RuntimeException e) {
            throw new ModelNotUsableException(
                    sha256, "ONNX Runtime cannot load it (" + rootMessage(e) + ").", e);
        }
        try {
            detector.detect(
                    new BufferedImage(WARM_UP_SIZE, WARM_UP_SIZE, BufferedImage.TYPE_3BYTE_BGR),
                    DetectionSettings.defaults());
        } catch (RuntimeException e) {
            detector.close();
            throw new ModelNotUsableException(
                    sha256,
                    "its warm-up inference failed ("
                            + rootMessage(e)
                            + "); a people counter must be "
                            + DetectorArchitecture.expectations()
                            + ".",
                    e);
        }
        return detector;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
