package de.kihub.services.counting.inference;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The NanoDet-m person detector on DJL's ONNX Runtime engine. One model is loaded; a bounded pool
 * of predictors serves concurrent requests (a predictor is not thread-safe), and a request that
 * finds no free predictor within the wait time fails instead of queueing without end.
 */
public final class PersonDetector implements AutoCloseable {
    private final ZooModel<BufferedImage, RawOutputs> model;
    private final BlockingQueue<Predictor<BufferedImage, RawOutputs>> predictors;
    private final long waitMillis;
    private final Path linkDir;

    /**
     * @param onnx the model file (any name; it is linked as model.onnx into its own folder)
     * @param workers how many frames may run at once
     * @param threadsPerFrame ONNX Runtime's intra-op threads per frame
     */
    public PersonDetector(Path onnx, int workers, int threadsPerFrame, long waitMillis)
            throws IOException {
        Path dir = Files.createTempDirectory("people-counter-");
        linkDir = dir;
        Path linked = dir.resolve("model.onnx");
        Files.createSymbolicLink(linked, onnx.toAbsolutePath());
        try {
            model =
                    Criteria.builder()
                            .setTypes(BufferedImage.class, RawOutputs.class)
                            .optEngine("OnnxRuntime")
                            .optModelPath(linked)
                            .optTranslator(new NanoDetTranslator())
                            .optOption("optLevel", "ALL_OPT")
                            .optOption("interOpNumThreads", "1")
                            .optOption("intraOpNumThreads", String.valueOf(threadsPerFrame))
                            .build()
                            .loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException(
                    "The people counter's model cannot be loaded: " + e.getMessage(), e);
        }
        predictors = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            predictors.add(model.newPredictor());
        }
        this.waitMillis = waitMillis;
    }

    /** Persons in the frame, highest score first. */
    public List<Detection> detect(BufferedImage image, DetectionSettings settings) {
        Predictor<BufferedImage, RawOutputs> predictor = take();
        try {
            RawOutputs raw = predictor.predict(image);
            return new NanoDetDecoder(settings).decode(raw.outputs(), raw.width(), raw.height());
        } catch (TranslateException e) {
            throw new IllegalStateException("Person detection failed", e);
        } finally {
            predictors.add(predictor);
        }
    }

    private Predictor<BufferedImage, RawOutputs> take() {
        try {
            Predictor<BufferedImage, RawOutputs> p =
                    predictors.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (p == null) {
                throw new DetectorBusyException(waitMillis);
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DetectorBusyException(waitMillis);
        }
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        try {
            Files.deleteIfExists(linkDir.resolve("model.onnx"));
            Files.deleteIfExists(linkDir);
        } catch (IOException e) {
            // only a link in a temporary folder is left behind
        }
    }
}
