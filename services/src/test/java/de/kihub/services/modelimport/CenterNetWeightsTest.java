package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.counting.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked import of CenterNet as a later seeding step would call it. */
class CenterNetWeightsTest {
    @TempDir Path dir;

    @Test
    void convertsThePublishedFilesIntoAnOnnxDetector() throws Exception {
        SharedTestData.file(CenterNetWeights.DATA_SUBDIRECTORY + "/" + CenterNetWeights.MODEL_JSON);

        ConversionResult result =
                CenterNetWeights.convert(
                        SharedTestData.directory().resolve(CenterNetWeights.DATA_SUBDIRECTORY));

        assertEquals(List.of("tower_0_images"), result.inputNames());
        assertEquals(
                List.of("tower_0_detections", "tower_0_keypoints", "tower_0_wh"),
                result.outputNames());
        Path onnx = dir.resolve("centernet.onnx");
        result.writeTo(onnx);
        assertEquals(result.onnxModel().length, Files.size(onnx));
    }

    @Test
    void refusesWeightsWhoseChecksumDiffersBeforeConvertingAnything() throws Exception {
        Path json = SharedTestData.file(CenterNetWeights.DATA_SUBDIRECTORY + "/centernet.json");
        Files.copy(json, dir.resolve(CenterNetWeights.MODEL_JSON));
        Files.write(dir.resolve(CenterNetWeights.WEIGHTS), new byte[16]);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> CenterNetWeights.convert(dir));

        String sha256OfZeros = "374708fff7719dd5979ec875d56cd2286f6d3cf7ec317a3b25632aab28ec37bb";
        assertTrue(
                e.getMessage()
                        .contains(
                                "The CenterNet file "
                                        + dir.resolve("centernet.bin").toAbsolutePath()
                                        + " has SHA-256 "
                                        + sha256OfZeros
                                        + ", not the published 1b635a15"),
                e.getMessage());
    }

    @Test
    void namesAMissingFile() throws Exception {
        Files.writeString(dir.resolve(CenterNetWeights.WEIGHTS), "x", StandardCharsets.UTF_8);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> CenterNetWeights.verify(dir));

        assertEquals(
                "The CenterNet file "
                        + dir.resolve("centernet.json").toAbsolutePath()
                        + " is missing.",
                e.getMessage());
    }

    @Test
    void liesBesideNanoDetInTheConfiguredDataDirectory() {
        String before = System.getProperty(NanoDetWeights.DATA_PROPERTY);
        try {
            System.setProperty(NanoDetWeights.DATA_PROPERTY, "/srv/data");
            assertEquals(
                    Path.of("/srv/data/models/centernet"), CenterNetWeights.configuredDirectory());
        } finally {
            if (before != null) {
                System.setProperty(NanoDetWeights.DATA_PROPERTY, before);
            } else {
                System.clearProperty(NanoDetWeights.DATA_PROPERTY);
            }
        }
    }
}
