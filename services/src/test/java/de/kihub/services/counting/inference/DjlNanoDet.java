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
import de.kihub.services.counting.NanoDetDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * NanoDet-m on DJL's ONNX Runtime engine with the hub's translator and engine options but nothing
 * of the hub around it: the in-process side of the predict throughput benchmark. Independent of the
 * hub's runtime classes on purpose, so that the baseline stays bare DJL when they change.
 */
public final class DjlNanoDet implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;

    /**
     * @param onnx the model file; its name must end in {@code .onnx}
     * @param intraOpThreads ONNX Runtime's intra-op threads per frame
     */
    public DjlNanoDet(Path onnx, int intraOpThreads) throws IOException {
        try {
            model =
                    Criteria.builder()
                            .setTypes(NDList.class, NDList.class)
                            .optEngine("OnnxRuntime")
                            .optModelPath(onnx)
                            .optOption("optLevel", "ALL_OPT")
                            .optOption("interOpNumThreads", "1")
                            .optOption("intraOpNumThreads", String.valueOf(intraOpThreads))
                            .build()
                            .loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("NanoDet cannot be loaded from " + onnx, e);
        }
    }

    /**
     * A new predictor with its own translator (it keeps its input buffer) and the hub's decoder;
     * like every DJL predictor, one thread at a time.
     */
    public Worker newWorker(DetectionSettings settings) {
        return new Worker(
                model.newPredictor(new NanoDetTranslator()), new NanoDetDecoder(settings));
    }

    @Override
    public void close() {
        model.close();
    }

    /** One predictor and the box decoder. */
    public static final class Worker implements AutoCloseable {
        private final Predictor<BufferedImage, RawOutputs> predictor;
        private final NanoDetDecoder decoder;

        private Worker(Predictor<BufferedImage, RawOutputs> predictor, NanoDetDecoder decoder) {
            this.predictor = predictor;
            this.decoder = decoder;
        }

        /** Persons in the frame, highest score first. */
        public List<Detection> detect(BufferedImage image) throws TranslateException {
            RawOutputs raw = predictor.predict(image);
            return decoder.decodeRows(raw.outputs(), raw.width(), raw.height());
        }

        @Override
        public void close() {
            predictor.close();
        }
    }
}
