package de.kihub.services.evaluation.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification quality: accuracy, macro-F1 and the confusion matrix over a fixed list of classes.
 *
 * <p>Macro-F1 is the unweighted mean of the per-class F1 over every class that occurs in the truth
 * or in the predictions; a class's F1 is 0 when it has no true positive. Classes that neither occur
 * nor are predicted are left out, so that a long class list does not drag the mean down. The
 * confusion matrix has one row per true class and one column per predicted class, in the order of
 * {@code classes}.
 */
public final class ClassificationMetrics {
    /** Mistakes listed in a result. */
    public static final int MAX_MISTAKES = 20;

    private final List<String> classes;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] confusion;
    private int items;
    private int correct;

    public ClassificationMetrics(List<String> classes) {
        this.classes = List.copyOf(classes);
        for (int i = 0; i < this.classes.size(); i++) {
            if (index.put(this.classes.get(i), i) != null) {
                throw new IllegalArgumentException("Class " + classes.get(i) + " is listed twice");
            }
        }
        confusion = new int[this.classes.size()][this.classes.size()];
    }

    /** One item: the predicted and the true class, both from the class list. */
    public void add(String predicted, String truth) {
        int p = indexOf(predicted);
        int t = indexOf(truth);
        confusion[t][p]++;
        items++;
        if (p == t) {
            correct++;
        }
    }

    private int indexOf(String label) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException(
                    "Unknown class '" + label + "'; the classes are " + classes);
        }
        return i;
    }

    public Result result() {
        int n = classes.size();
        List<PerClass> perClass = new ArrayList<>();
        double sumF1 = 0;
        int counted = 0;
        for (int c = 0; c < n; c++) {
            int tp = confusion[c][c];
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < n; k++) {
                support += confusion[c][k];
                predicted += confusion[k][c];
            }
            Double precision = predicted == 0 ? null : tp / (double) predicted;
            Double recall = support == 0 ? null : tp / (double) support;
            double f1 = tp == 0 ? 0 : 2.0 * tp / (support + predicted);
            if (support > 0 || predicted > 0) {
                sumF1 += f1;
                counted++;
            }
            perClass.add(new PerClass(classes.get(c), support, predicted, precision, recall, f1));
        }
        List<List<Integer>> matrix = new ArrayList<>();
        List<Mistake> mistakes = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            matrix.add(Arrays.stream(confusion[t]).boxed().toList());
            for (int p = 0; p < n; p++) {
                if (p != t && confusion[t][p] > 0) {
                    mistakes.add(new Mistake(classes.get(t), classes.get(p), confusion[t][p]));
                }
            }
        }
        mistakes.sort(Comparator.comparingInt(Mistake::count).reversed());
        return new Result(
                items,
                items == 0 ? null : correct / (double) items,
                counted == 0 ? null : sumF1 / counted,
                classes,
                perClass,
                matrix,
                List.copyOf(mistakes.subList(0, Math.min(MAX_MISTAKES, mistakes.size()))));
    }

    /** One class: its true items, how often it was predicted, precision, recall and F1. */
    public record PerClass(
            String label, int support, int predicted, Double precision, Double recall, double f1) {}

    /** How often items of class {@code truth} were taken for class {@code predicted}. */
    public record Mistake(String truth, String predicted, int count) {}

    /**
     * @param items compared items
     * @param accuracy correct / items, null without items
     * @param macroF1 mean F1 over the classes that occur or are predicted, null without items
     * @param classes the class order of the matrix
     * @param perClass precision, recall and F1 per class; null if left out for its size
     * @param confusion rows are true classes, columns predicted ones; null if left out for its size
     * @param mistakes the most frequent confusions (off the diagonal), at most {@value
     *     #MAX_MISTAKES}, most frequent first (in class order among equals)
     */
    public record Result(
            int items,
            Double accuracy,
            Double macroF1,
            List<String> classes,
            List<PerClass> perClass,
            List<List<Integer>> confusion,
            List<Mistake> mistakes) {

        /** The same without the full matrix (which grows with the square of the classes). */
        public Result withoutConfusion() {
            return new Result(items, accuracy, macroF1, classes, perClass, null, mistakes);
        }

        /** The same without the per-class numbers. */
        public Result withoutPerClass() {
            return new Result(items, accuracy, macroF1, classes, null, confusion, mistakes);
        }
    }
}
