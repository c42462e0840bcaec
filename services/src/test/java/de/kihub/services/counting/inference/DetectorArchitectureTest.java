package de.kihub.services.counting.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import de.kihub.services.counting.CenterNetOnnx;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetOnnx;
import de.kihub.services.inspection.TensorSpec;
import de.kihub.services.runtime.RuntimeSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which detector a model is, told from the signature in its ONNX file. */
class DetectorArchitectureTest {
    private static Path nanodet;
    private static Path centernet;

    @TempDir Path dir;

    @BeforeAll
    static void convert() throws Exception {
        nanodet = NanoDetOnnx.convertToTempFile();
        centernet = CenterNetOnnx.convertToTempFile();
    }

    @AfterAll
    static void delete() throws Exception {
        Files.deleteIfExists(nanodet);
        Files.deleteIfExists(centernet);
    }

    @Test
    void readsTheSignatureOfTheConvertedCenterNetWithoutItsWeights() throws Exception {
        ModelSignature signature = ModelSignature.read(centernet);

        assertEquals(
                List.of(new TensorSpec("tower_0_images", "float32", List.of(1L, 512L, 512L, 3L))),
                signature.inputs());
        assertEquals(
                List.of(
                        new TensorSpec("tower_0_detections", "float32", List.of(1L, 100L, 6L)),
                        new TensorSpec(
                                "tower_0_keypoints", "float32", List.of(1L, 128L, 128L, 80L)),
                        new TensorSpec("tower_0_wh", "float32", List.of(1L, 128L, 128L, 4L))),
                signature.outputs());
    }

    @Test
    void recognisesBothDetectorsAndNothingElse() throws Exception {
        Path identity =
                Files.write(
                        dir.resolve("identity.onnx"),
                        TestOnnx.identity(List.of(1L, 3L, 416L, 416L)));

        assertEquals(
                Optional.of(DetectorArchitecture.NANODET),
                DetectorArchitecture.recognise(ModelSignature.read(nanodet)));
        assertEquals(
                Optional.of(DetectorArchitecture.CENTERNET),
                DetectorArchitecture.recognise(ModelSignature.read(centernet)));
        // NanoDet's input, but not its outputs
        assertEquals(
                Optional.empty(), DetectorArchitecture.recognise(ModelSignature.read(identity)));
    }

    @Test
    void aDetectorOfAModelThatFitsNoneRefusesToDetect() throws Exception {
        Path identity =
                Files.write(
                        dir.resolve("identity.onnx"),
                        TestOnnx.identity(List.of(1L, 512L, 512L, 3L)));
        RuntimeSettings settings = RuntimeSettings.defaults().withWorkers(1, 1, 0);

        try (PersonDetector detector = new PersonDetector(identity, settings)) {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    detector.detect(
                                            new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR),
                                            DetectionSettings.defaults()));

            assertEquals("", detector.architecture());
            assertTrue(
                    e.getMessage().contains("x float32 [1, 512, 512, 3] -> y float32"),
                    e.getMessage());
        }
        try (PersonDetector detector = new PersonDetector(centernet, settings)) {
            assertEquals("CenterNet", detector.architecture());
        }
    }

    @Test
    void estimatesMoreMemoryPerWorkerForCenterNetsLargerInput() throws Exception {
        try (PersonDetector one =
                        new PersonDetector(
                                centernet, RuntimeSettings.defaults().withWorkers(1, 1, 0));
                PersonDetector two =
                        new PersonDetector(
                                centernet, RuntimeSettings.defaults().withWorkers(2, 1, 0))) {
            assertEquals(48L << 20, two.estimatedBytes() - one.estimatedBytes());
            assertEquals(
                    PersonDetector.BYTES_PER_MODEL_BYTE * Files.size(centernet) + (48L << 20),
                    one.estimatedBytes());
        }
    }
}
