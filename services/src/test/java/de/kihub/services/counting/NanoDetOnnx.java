package de.kihub.services.counting;

import de.kihub.services.modelimport.NanoDetWeights;
import de.kihub.services.modelimport.TfjsToOnnx;
import de.kihub.services.runtime.RuntimeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared NanoDet-m TensorFlow.js weights, verified and converted to ONNX the way the hub does
 * at its first start, as a temporary file for {@link
 * de.kihub.services.counting.inference.PersonDetector}.
 */
public final class NanoDetOnnx {
    private NanoDetOnnx() {}

    /** The verified weights from the shared data directory, or a failure naming what is missing. */
    public static NanoDetWeights weights() {
        SharedTestData.file(NanoDetWeights.DATA_SUBDIRECTORY + "/" + NanoDetWeights.MODEL_JSON);
        return NanoDetWeights.verify(
                SharedTestData.directory().resolve(NanoDetWeights.DATA_SUBDIRECTORY));
    }

    /** Converts the weights into a new temporary file, deleted when the JVM exits. */
    public static Path convertToTempFile() throws IOException {
        Path onnx = Files.createTempFile("nanodet-m-", ".onnx");
        onnx.toFile().deleteOnExit();
        TfjsToOnnx.convert(weights().modelJson()).writeTo(onnx);
        return onnx;
    }

    /**
     * One worker with the given intra-op threads, no waiting requests and a minute's timeout: the
     * set-up for measuring one frame at a time.
     */
    public static RuntimeSettings oneWorker(int threads) {
        return RuntimeSettings.defaults().withWorkers(1, threads, 0).withRequestTimeout(60_000);
    }
}
