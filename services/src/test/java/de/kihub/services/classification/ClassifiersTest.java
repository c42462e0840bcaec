package de.kihub.services.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.runtime.ModelNotUsableException;
import de.kihub.services.runtime.RuntimeSettings;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classification runtime with a real ONNX model on ONNX Runtime: the hand-built colour
 * classifier, whose probabilities for a uniform image are known exactly.
 */
class ClassifiersTest {
    private static final String NCHW = "1".repeat(64);
    private static final String NHWC_DYNAMIC = "2".repeat(64);
    private static final String NOT_ONNX = "3".repeat(64);

    @TempDir Path dir;

    private Classifiers classifiers;

    @BeforeEach
    void setUp() throws IOException {
        Map<String, Path> files =
                Map.of(
                        NCHW, ColourClassifier.write(dir, "nchw.onnx", ColourClassifier.onnx()),
                        NHWC_DYNAMIC,
                                ColourClassifier.write(
                                        dir,
                                        "nhwc.onnx",
                                        ColourClassifier.onnxChannelsLast(
                                                List.of("n", "h", "w", 3L), List.of("n", "k"))),
                        NOT_ONNX,
                                Files.writeString(
                                        dir.resolve("not.onnx"),
                                        "no model",
                                        StandardCharsets.UTF_8));
        classifiers =
                new Classifiers(
                        RuntimeSettings.defaults().withWorkers(1, 1, 1),
                        sha -> {
                            Path file = files.get(sha);
                            if (file == null) {
                                throw new NoSuchFileException(sha);
                            }
                            return file;
                        });
    }

    @AfterEach
    void close() {
        classifiers.close();
    }

    @Test
    void givesTheSoftmaxOfTheModelsLogitsAndTheMostProbableLabel() {
        ClassifierSpec spec = ColourClassifier.spec(NCHW, null);
        int size = ColourClassifier.SIZE;

        Classification red =
                classifiers.classify(
                        spec, ColourClassifier.image(new Color(200, 40, 60), size, size));
        Classification blue =
                classifiers.classify(
                        spec, ColourClassifier.image(new Color(10, 90, 250), size, size));
        Classification green =
                classifiers.classify(spec, ColourClassifier.image(new Color(30, 180, 20), 50, 20));

        assertEquals("red", red.label());
        assertEquals(0, red.index());
        assertEquals(ColourClassifier.probabilities(200, 40, 60)[0], red.probability(), 1e-6);
        assertEquals("blue", blue.label());
        assertEquals(2, blue.index());
        assertEquals(ColourClassifier.probabilities(10, 90, 250)[2], blue.probability(), 1e-6);
        // another size: stretched to 32x32, a uniform image stays uniform
        assertEquals("green", green.label());
        assertEquals(ColourClassifier.probabilities(30, 180, 20)[1], green.probability(), 1e-6);
        assertEquals(1, classifiers.stats().loadedCount());
    }

    @Test
    void theChannelOrderOfPreprocessingJsonReachesTheModel() {
        ClassifierSpec bgr = ColourClassifier.spec(NCHW, "{\"channels\":\"BGR\"}");

        // the model reads the blue channel where it expects red
        Classification c =
                classifiers.classify(bgr, ColourClassifier.image(new Color(220, 30, 20), 32, 32));

        assertEquals("blue", c.label());
        assertEquals(ColourClassifier.probabilities(20, 30, 220)[2], c.probability(), 1e-6);
    }

    @Test
    void aChannelsLastModelWithDynamicDimensionsRunsAtTheDeclaredSize() {
        ClassifierSpec spec =
                ClassifierConvention.resolve(
                        "test/nhwc 1.0.0",
                        ColourClassifier.artifact(
                                NHWC_DYNAMIC, List.of(-1L, -1L, -1L, 3L), List.of(-1L, -1L)),
                        "a".repeat(64),
                        ColourClassifier.LABELS_TEXT,
                        "{\"width\":16,\"height\":16}");

        classifiers.retain(spec);
        Classification c =
                classifiers.classify(spec, ColourClassifier.image(new Color(40, 50, 230), 100, 80));
        classifiers.release(spec);

        assertEquals("blue", c.label());
        assertEquals(ColourClassifier.probabilities(40, 50, 230)[2], c.probability(), 1e-6);
        assertEquals(0, classifiers.stats().loadedCount(), "released: unloaded");
    }

    @Test
    void aModelWhoseScoresDoNotFitItsLabelsIsRefusedAtItsWarmUp() {
        // the dynamic output hides the mismatch from the signature check: 3 scores, 4 labels
        ClassifierSpec spec =
                ClassifierConvention.resolve(
                        "test/nhwc 1.0.0",
                        ColourClassifier.artifact(
                                NHWC_DYNAMIC, List.of(-1L, -1L, -1L, 3L), List.of(-1L, -1L)),
                        "a".repeat(64),
                        "red\ngreen\nblue\npurple\n",
                        "{\"width\":16,\"height\":16}");

        ModelNotUsableException e =
                assertThrows(ModelNotUsableException.class, () -> classifiers.retain(spec));

        assertTrue(
                e.getMessage().contains("gives 3 scores per image, but labels.txt names 4"),
                e.getMessage());
        assertEquals(0, classifiers.stats().loadedCount());
    }

    @Test
    void aFileThatIsNoModelOrIsMissingIsRefused() {
        ModelNotUsableException broken =
                assertThrows(
                        ModelNotUsableException.class,
                        () -> classifiers.retain(ColourClassifier.spec(NOT_ONNX, null)));
        assertTrue(
                broken.getMessage().contains("ONNX Runtime cannot load it"), broken.getMessage());
        ModelNotUsableException missing =
                assertThrows(
                        ModelNotUsableException.class,
                        () -> classifiers.retain(ColourClassifier.spec("4".repeat(64), null)));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
    }
}
