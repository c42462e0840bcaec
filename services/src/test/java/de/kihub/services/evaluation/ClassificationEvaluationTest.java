package de.kihub.services.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.services.classification.ClassifierSpec;
import de.kihub.services.classification.ColourClassifier;
import de.kihub.services.classification.ImageClassifier;
import de.kihub.services.datasets.DatasetContent.ClassificationItem;
import de.kihub.services.datasets.InMemoryDatasetContent;
import de.kihub.services.evaluation.metrics.ClassificationMetrics;
import de.kihub.services.runtime.RuntimeSettings;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ONNX colour classifier on generated PNG and JPEG images in class folders, one of them
 * deliberately mislabelled (a blue image in the red folder), so that every number is known.
 */
class ClassificationEvaluationTest {
    static final Color RED = new Color(210, 35, 40);
    static final Color GREEN = new Color(40, 170, 60);
    static final Color BLUE = new Color(30, 60, 200);

    @TempDir Path dir;

    private ImageClassifier classifier;
    private ExecutorService prefetch;

    @BeforeEach
    void load() throws Exception {
        ClassifierSpec spec = ColourClassifier.spec("5".repeat(64), null);
        classifier =
                new ImageClassifier(
                        ColourClassifier.write(dir, "colours.onnx", ColourClassifier.onnx()),
                        spec,
                        RuntimeSettings.defaults().withWorkers(1, 1, 1));
        prefetch = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() {
        classifier.close();
        prefetch.shutdownNow();
    }

    /** Seven images; red/oops.png is blue. */
    static InMemoryDatasetContent colours() {
        InMemoryDatasetContent content =
                InMemoryDatasetContent.classFolders(
                        List.of(
                                new ClassificationItem("blue/b1.png", "blue"),
                                new ClassificationItem("blue/b2.jpg", "blue"),
                                new ClassificationItem("green/g1.png", "green"),
                                new ClassificationItem("green/g2.jpg", "green"),
                                new ClassificationItem("red/oops.png", "red"),
                                new ClassificationItem("red/r1.png", "red"),
                                new ClassificationItem("red/r2.jpg", "red")));
        content.with("blue/b1.png", ColourClassifier.encoded(BLUE, 40, 30, "png"));
        content.with("blue/b2.jpg", ColourClassifier.encoded(BLUE, 64, 48, "jpg"));
        content.with("green/g1.png", ColourClassifier.encoded(GREEN, 32, 32, "png"));
        content.with("green/g2.jpg", ColourClassifier.encoded(GREEN, 80, 60, "jpg"));
        content.with("red/oops.png", ColourClassifier.encoded(BLUE, 32, 32, "png"));
        content.with("red/r1.png", ColourClassifier.encoded(RED, 48, 64, "png"));
        content.with("red/r2.jpg", ColourClassifier.encoded(RED, 50, 50, "jpg"));
        return content;
    }

    private ClassificationEvaluation evaluation() {
        return new ClassificationEvaluation(
                image -> classifier.classify(image).label(), ColourClassifier.LABELS, prefetch);
    }

    @Test
    void measuresAccuracyMacroF1AndTheConfusionMatrixOfARealClassifier() {
        List<Integer> progress = new ArrayList<>();

        EvaluationMetrics m = evaluation().run(colours(), progress(progress));

        assertEquals(7, m.items());
        ClassificationMetrics.Result c = m.classification();
        assertEquals(List.of("blue", "green", "red"), c.classes());
        // rows true, columns predicted: the blue image in the red folder is "blue"
        assertEquals(List.of(List.of(2, 0, 0), List.of(0, 2, 0), List.of(1, 0, 2)), c.confusion());
        assertEquals(6.0 / 7, c.accuracy(), 1e-12);
        // blue: P 2/3, R 1, F1 0.8; green: 1; red: P 1, R 2/3, F1 0.8
        assertEquals((0.8 + 1 + 0.8) / 3, c.macroF1(), 1e-12);
        assertEquals(2.0 / 3, c.perClass().get(0).precision(), 1e-12);
        assertEquals(2.0 / 3, c.perClass().get(2).recall(), 1e-12);
        assertEquals(List.of(new ClassificationMetrics.Mistake("red", "blue", 1)), c.mistakes());
        assertEquals(6.0 / 7, m.summary().get("accuracy"), 1e-12);
        assertEquals((0.8 + 1 + 0.8) / 3, m.summary().get("macroF1"), 1e-12);
        assertNull(m.counting());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), progress);
    }

    @Test
    void aDatasetClassThatTheModelDoesNotKnowIsRefusedByName() {
        InMemoryDatasetContent content =
                InMemoryDatasetContent.classFolders(
                        List.of(
                                new ClassificationItem("red/r.png", "red"),
                                new ClassificationItem("purple/p.png", "purple")));

        InvalidArtifactException e =
                assertThrows(
                        InvalidArtifactException.class,
                        () -> evaluation().run(content, progress(new ArrayList<>())));

        assertTrue(
                e.getMessage().contains("has the class 'purple' that the model does not know"),
                e.getMessage());
        assertTrue(e.getMessage().contains("names red, green, blue"), e.getMessage());
    }

    @Test
    void stopsBetweenTwoImagesWhenCancelled() {
        List<Integer> done = new ArrayList<>();
        EvaluationProgress cancelAfterThree =
                new EvaluationProgress() {
                    @Override
                    public void done(int items, int total) {
                        done.add(items);
                    }

                    @Override
                    public boolean cancelRequested() {
                        return done.size() == 3;
                    }
                };

        assertThrows(
                EvaluationCancelledException.class,
                () -> evaluation().run(colours(), cancelAfterThree));
        assertEquals(List.of(1, 2, 3), done);
    }

    @Test
    void manyClassesKeepTheMistakesButNotTheFullMatrix() {
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < ClassificationEvaluation.MATRIX_MAX_CLASSES + 1; i++) {
            classes.add(String.format("class-%03d", i));
        }
        ClassificationMetrics metrics = new ClassificationMetrics(classes);
        for (String c : classes) {
            metrics.add(c, c);
        }
        metrics.add("class-001", "class-000");

        EvaluationMetrics m = ClassificationEvaluation.fitted(metrics.result());

        assertNull(m.classification().confusion());
        assertNotNull(m.classification().perClass());
        assertEquals(
                List.of(new ClassificationMetrics.Mistake("class-000", "class-001", 1)),
                m.classification().mistakes());
        assertTrue(
                EvaluationRunner.toJson(m).length()
                        < ClassificationEvaluation.MAX_STORED_CHARACTERS);
    }

    @Test
    void resultsTooLargeForTheStoreLoseThePerClassNumbersFirst() {
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            classes.add(String.format("a-rather-long-class-name-number-%05d", i));
        }
        ClassificationMetrics metrics = new ClassificationMetrics(classes);
        classes.forEach(c -> metrics.add(c, c));

        EvaluationMetrics m = ClassificationEvaluation.fitted(metrics.result());

        assertNull(m.classification().perClass());
        assertEquals(1.0, m.summary().get("accuracy"), 1e-12);
        assertTrue(
                EvaluationRunner.toJson(m).length()
                        < ClassificationEvaluation.MAX_STORED_CHARACTERS);
    }

    private static EvaluationProgress progress(List<Integer> done) {
        return new EvaluationProgress() {
            @Override
            public void done(int items, int total) {
                done.add(items);
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };
    }
}
