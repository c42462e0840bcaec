package de.kihub.services.counting;

import de.kihub.services.modelimport.CenterNetWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared CenterNet TensorFlow.js weights, verified and converted to ONNX through the import API
 * a seeding step would use, as a temporary file for {@link
 * de.kihub.services.counting.inference.PersonDetector}.
 */
public final class CenterNetOnnx {
    private CenterNetOnnx() {}

    /** Converts the weights into a new temporary file, deleted when the JVM exits. */
    public static Path convertToTempFile() throws IOException {
        SharedTestData.file(CenterNetWeights.DATA_SUBDIRECTORY + "/" + CenterNetWeights.MODEL_JSON);
        Path onnx = Files.createTempFile("centernet-", ".onnx");
        onnx.toFile().deleteOnExit();
        CenterNetWeights.convert(
                        SharedTestData.directory().resolve(CenterNetWeights.DATA_SUBDIRECTORY))
                .writeTo(onnx);
        return onnx;
    }
}
