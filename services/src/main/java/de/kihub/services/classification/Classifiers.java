package de.kihub.services.classification;

import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.Sha256;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.LoadedModel;
import de.kihub.services.runtime.ModelNotUsableException;
import de.kihub.services.runtime.ModelPool;
import de.kihub.services.runtime.PoolStats;
import de.kihub.services.runtime.RuntimeModels;
import de.kihub.services.runtime.RuntimeSettings;
import de.kihub.services.runtime.SaturatedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Loaded image classifiers, one per model file and classifier settings, in the runtime's bounded
 * {@link ModelPool} ({@link RuntimeModels}, shared with the person detectors) with its limits
 * ({@link RuntimeSettings}: models, memory, workers, queue, timeout). Evaluations {@link #retain} a
 * classifier for a job and {@link #release} it after. Every load is checked with a warm-up
 * inference, so that a model whose scores do not fit its labels fails before the first item.
 */
@ApplicationScoped
public class Classifiers {
    /** The warm-up image: blank, and not square, so that fitting it to the input runs too. */
    static final int WARM_UP_WIDTH = 64;

    static final int WARM_UP_HEIGHT = 48;

    private static final Logger LOG = Logger.getLogger(Classifiers.class.getName());

    /** The classifiers' name in the runtime's pool. */
    static final String KIND = "classifier";

    @Inject ArtifactStore store;

    private final Map<String, ClassifierSpec> specs = new ConcurrentHashMap<>();
    private RuntimeSettings settings;
    private ArtifactFiles files;

    /** The runtime's one pool, shared with the person detectors. */
    @Inject RuntimeModels models;

    /** Where an artifact's content lies as a file, for ONNX Runtime to load. */
    @FunctionalInterface
    interface ArtifactFiles {
        Path file(String sha256) throws IOException;
    }

    /** For CDI; the settings are read in {@link #start()}. */
    public Classifiers() {}

    /** Without CDI (tests): a pool of their own with these settings. */
    Classifiers(RuntimeSettings settings, ArtifactFiles files) {
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
     * Loads the classifier now (with a warm-up inference) if it is not loaded, and pins it until
     * {@link #release}.
     *
     * @throws ModelNotUsableException if it does not load or its scores do not fit its labels
     * @throws SaturatedException if no room can be made for it
     */
    public void retain(ClassifierSpec spec) {
        models.retain(KIND, register(spec));
    }

    /** Unpins the classifier; it is unloaded once no request holds it. */
    public void release(ClassifierSpec spec) {
        if (!models.release(KIND, spec.key())) {
            LOG.warning("Classifier " + spec.key() + " was released but not retained");
        }
    }

    /**
     * The most probable class of the image (the classifier is loaded on demand).
     *
     * @throws SaturatedException no admission permit, or no room to load the model
     * @throws InferenceTimeoutException no free worker within the request timeout
     * @throws ModelNotUsableException the model cannot be loaded as this classifier
     */
    public Classification classify(ClassifierSpec spec, BufferedImage image) {
        try (ModelPool.Lease<LoadedModel> lease = models.lease(KIND, register(spec))) {
            return ((ImageClassifier) lease.model()).classify(image);
        }
    }

    /** The runtime's pool: the loaded models of every kind. */
    public PoolStats stats() {
        return models.stats();
    }

    private String register(ClassifierSpec spec) {
        String key = spec.key();
        specs.putIfAbsent(key, spec);
        return key;
    }

    private ImageClassifier load(String key) {
        ClassifierSpec spec = specs.get(key);
        String sha256 = spec.modelSha256();
        Path file;
        try {
            file = files.file(sha256);
        } catch (IOException | RuntimeException e) {
            throw new ModelNotUsableException(sha256, "its content cannot be read (" + e + ").", e);
        }
        ImageClassifier classifier;
        try {
            classifier = new ImageClassifier(file, spec, settings);
        } catch (IOException | RuntimeException e) {
            throw new ModelNotUsableException(
                    sha256, "ONNX Runtime cannot load it (" + rootMessage(e) + ").", e);
        }
        try {
            classifier.classify(
                    new BufferedImage(WARM_UP_WIDTH, WARM_UP_HEIGHT, BufferedImage.TYPE_3BYTE_BGR));
        } catch (RuntimeException e) {
            classifier.close();
            throw new ModelNotUsableException(
                    sha256,
                    "its warm-up inference as an image classifier failed ("
                            + rootMessage(e)
                            + "); it must take "
                            + spec.preprocessing().layout()
                            + " float32 images of "
                            + spec.preprocessing().width()
                            + "x"
                            + spec.preprocessing().height()
                            + " pixels and give one score per class of "
                            + ClassifierConvention.LABELS_FILE
                            + " ("
                            + spec.labels().size()
                            + ").",
                    e);
        }
        return classifier;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
