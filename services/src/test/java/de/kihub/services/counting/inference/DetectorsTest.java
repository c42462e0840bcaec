package de.kihub.services.counting.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import de.kihub.services.counting.CenterNetOnnx;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetOnnx;
import de.kihub.services.counting.SharedTestData;
import de.kihub.services.imaging.ImageDecoder;
import de.kihub.services.runtime.ModelNotUsableException;
import de.kihub.services.runtime.PoolStats;
import de.kihub.services.runtime.RuntimeSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detectors of deployments, with the real NanoDet-m and CenterNet models and, as models that
 * cannot count people, tiny hand-made ONNX graphs and a file that is no model at all.
 */
class DetectorsTest {
    private static final String NANODET = "nanodet-sha";
    private static final String CENTERNET = "centernet-sha";
    private static final String IDENTITY_AT_NANODET_SIZE = "identity-416-sha";
    private static final String IDENTITY = "identity-sha";
    private static final String NOT_ONNX = "not-onnx-sha";

    private static Path nanodet;
    private static Path centernet;

    @TempDir Path dir;

    private Detectors detectors;

    @BeforeAll
    static void convert() throws Exception {
        nanodet = NanoDetOnnx.convertToTempFile();
        centernet = CenterNetOnnx.convertToTempFile();
    }

    @AfterAll
    static void delete() throws Exception {
        if (nanodet != null) {
            Files.deleteIfExists(nanodet);
        }
        if (centernet != null) {
            Files.deleteIfExists(centernet);
        }
    }

    @AfterEach
    void close() {
        if (detectors != null) {
            detectors.close();
        }
    }

    private Detectors detectors() throws IOException {
        Map<String, Path> files =
                Map.of(
                        NANODET, nanodet,
                        CENTERNET, centernet,
                        IDENTITY_AT_NANODET_SIZE,
                                write(
                                        "identity-416.onnx",
                                        TestOnnx.identity(List.of(1L, 3L, 416L, 416L))),
                        IDENTITY, write("identity.onnx", TestOnnx.identityModel()),
                        NOT_ONNX,
                                write(
                                        "not-onnx.onnx",
                                        "just text"
                                                .getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8)));
        detectors =
                new Detectors(
                        RuntimeSettings.defaults(),
                        sha256 -> {
                            Path file = files.get(sha256);
                            if (file == null) {
                                throw new NoSuchFileException(sha256);
                            }
                            return file;
                        });
        return detectors;
    }

    @Test
    void deploymentsOfOneArtifactShareOneWarmDetectorThatCountsPeople() throws Exception {
        Detectors detectors = detectors();

        detectors.retain(NANODET);
        detectors.retain(NANODET);
        BufferedImage person =
                ImageDecoder.defaults()
                        .decode(Files.readAllBytes(SharedTestData.file("controls/person.jpg")));

        assertEquals(1, detectors.detect(NANODET, person, DetectionSettings.defaults()).size());
        PoolStats pool = detectors.stats().pool();
        assertEquals(List.of(key(NANODET)), pool.loadedKeys());
        assertEquals(List.of(key(NANODET)), pool.pinnedKeys());
        assertEquals(1, pool.loads());
    }

    @Test
    void aCenterNetArtifactIsAcceptedAndCountsPeopleBesideNanoDet() throws Exception {
        Detectors detectors = detectors();

        detectors.retain(CENTERNET);
        detectors.retain(NANODET);
        BufferedImage person =
                ImageDecoder.defaults()
                        .decode(Files.readAllBytes(SharedTestData.file("controls/person.jpg")));

        // the photo also shows a dog and a horse, which CenterNet finds as such, not as persons
        assertEquals(1, detectors.detect(CENTERNET, person, DetectionSettings.defaults()).size());
        assertEquals(1, detectors.detect(NANODET, person, DetectionSettings.defaults()).size());
        assertEquals(
                List.of(key(CENTERNET), key(NANODET)),
                detectors.stats().pool().pinnedKeys().stream().sorted().toList());
    }

    @Test
    void releasingTheLastDeploymentUnloadsTheDetector() throws Exception {
        Detectors detectors = detectors();
        detectors.retain(NANODET);
        detectors.retain(NANODET);

        detectors.release(NANODET);
        assertEquals(List.of(key(NANODET)), detectors.stats().pool().loadedKeys());

        detectors.release(NANODET);
        PoolStats pool = detectors.stats().pool();
        assertEquals(List.of(), pool.loadedKeys());
        assertEquals(0, pool.estimatedBytes());
        assertEquals(List.of(), pool.pinnedKeys());
    }

    @Test
    void retainRefusesAnOnnxModelWhoseOutputsAreNotNanoDets() throws Exception {
        Detectors detectors = detectors();

        ModelNotUsableException e =
                assertThrows(
                        ModelNotUsableException.class,
                        () -> detectors.retain(IDENTITY_AT_NANODET_SIZE));

        System.out.println("refused: " + e.getMessage());
        assertTrue(e.getMessage().contains(IDENTITY_AT_NANODET_SIZE), e.getMessage());
        assertTrue(e.getMessage().contains("warm-up inference failed"), e.getMessage());
        assertNothingLoadedOrPinned(detectors);
    }

    @Test
    void retainRefusesAnOnnxModelWithAnotherInput() throws Exception {
        Detectors detectors = detectors();

        ModelNotUsableException e =
                assertThrows(ModelNotUsableException.class, () -> detectors.retain(IDENTITY));

        System.out.println("refused: " + e.getMessage());
        assertTrue(e.getMessage().contains(IDENTITY), e.getMessage());
        assertTrue(e.getMessage().contains("warm-up inference failed"), e.getMessage());
        assertNothingLoadedOrPinned(detectors);
    }

    @Test
    void retainRefusesAFileThatIsNoOnnxModel() throws Exception {
        Detectors detectors = detectors();

        ModelNotUsableException e =
                assertThrows(ModelNotUsableException.class, () -> detectors.retain(NOT_ONNX));

        System.out.println("refused: " + e.getMessage());
        assertTrue(e.getMessage().contains("ONNX Runtime cannot load it"), e.getMessage());
        assertNothingLoadedOrPinned(detectors);
    }

    @Test
    void retainRefusesAnArtifactWithoutContent() throws Exception {
        Detectors detectors = detectors();

        ModelNotUsableException e =
                assertThrows(ModelNotUsableException.class, () -> detectors.retain("absent-sha"));

        System.out.println("refused: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("Model artifact absent-sha"), e.getMessage());
        assertTrue(e.getMessage().contains("content cannot be read"), e.getMessage());
        assertNothingLoadedOrPinned(detectors);
    }

    private static void assertNothingLoadedOrPinned(Detectors detectors) {
        PoolStats pool = detectors.stats().pool();
        assertEquals(List.of(), pool.loadedKeys());
        assertEquals(List.of(), pool.pinnedKeys());
        assertEquals(0, pool.estimatedBytes());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** The detector's key in the runtime's pool, shared with other kinds of model. */
    private static String key(String sha256) {
        return Detectors.KIND + ":" + sha256;
    }
}
