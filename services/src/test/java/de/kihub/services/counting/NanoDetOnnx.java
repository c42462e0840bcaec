package de.kihub.services.counting;

import de.kihub.services.modelimport.NanoDetWeights;
import de.kihub.services.modelimport.TfjsToOnnx;
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
}
