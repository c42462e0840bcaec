package de.kihub.services.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void computesAccuracyMacroF1AndTheConfusionMatrix() {
        ClassificationMetrics m = new ClassificationMetrics(List.of("cat", "dog", "bird"));
        m.add("cat", "cat");
        m.add("cat", "cat");
        m.add("dog", "cat");
        m.add("dog", "dog");
        m.add("cat", "dog");

        ClassificationMetrics.Result r = m.result();

        assertEquals(5, r.items());
        assertEquals(0.6, r.accuracy(), 1e-12);
        // cat: 2 of 3 found, 2 of 3 predictions right -> F1 2/3; dog: F1 1/2; bird: absent
        assertEquals((2.0 / 3 + 0.5) / 2, r.macroF1(), 1e-12);
        assertEquals(List.of(List.of(2, 1, 0), List.of(1, 1, 0), List.of(0, 0, 0)), r.confusion());
        ClassificationMetrics.PerClass cat = r.perClass().get(0);
        assertEquals(3, cat.support());
        assertEquals(3, cat.predicted());
        assertEquals(2.0 / 3, cat.precision(), 1e-12);
        assertEquals(2.0 / 3, cat.recall(), 1e-12);
        ClassificationMetrics.PerClass bird = r.perClass().get(2);
        assertNull(bird.precision());
        assertNull(bird.recall());
    }

    @Test
    void aClassThatIsPredictedButNeverTrueCountsWithF1Zero() {
        ClassificationMetrics m = new ClassificationMetrics(List.of("a", "b"));
        m.add("b", "a");
        m.add("a", "a");

        ClassificationMetrics.Result r = m.result();

        // a: tp 1, support 2, predicted 1 -> F1 2/3; b: predicted once, never right -> 0
        assertEquals((2.0 / 3 + 0) / 2, r.macroF1(), 1e-12);
        assertEquals(0.5, r.accuracy(), 1e-12);
    }

    @Test
    void listsTheMostFrequentMistakesFirst() {
        ClassificationMetrics m = new ClassificationMetrics(List.of("a", "b", "c"));
        m.add("c", "a");
        m.add("b", "c");
        m.add("b", "c");
        m.add("a", "a");

        ClassificationMetrics.Result r = m.result();

        assertEquals(
                List.of(
                        new ClassificationMetrics.Mistake("c", "b", 2),
                        new ClassificationMetrics.Mistake("a", "c", 1)),
                r.mistakes());
        assertNull(r.withoutConfusion().confusion());
        assertEquals(r.perClass(), r.withoutConfusion().perClass());
        assertNull(r.withoutPerClass().perClass());
    }

    @Test
    void refusesUnknownClasses() {
        ClassificationMetrics m = new ClassificationMetrics(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> m.add("a", "z"));
    }

    @Test
    void hasNoAccuracyWithoutItems() {
        assertNull(new ClassificationMetrics(List.of("a")).result().accuracy());
    }
}
