package de.kihub.services.evaluation;

import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.classification.ClassifierConvention;
import de.kihub.services.datasets.DatasetContent;
import de.kihub.services.evaluation.metrics.ClassificationMetrics;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Evaluates an image classifier on a CLASS_FOLDERS dataset, image by image; plain Java, the
 * classifier is a function. Every class (folder) of the dataset must be one of the model's labels.
 * The metrics ({@link ClassificationMetrics}) cover the classes of the dataset and the classes the
 * model predicted, sorted; the model's other labels are left out. The full confusion matrix is kept
 * up to {@value #MATRIX_MAX_CLASSES} classes, the per-class numbers as long as the result fits the
 * stored metrics; the most frequent mistakes are always listed.
 */
public final class ClassificationEvaluation {
    /** Above this many classes the confusion matrix is left out (the mistakes stay). */
    static final int MATRIX_MAX_CLASSES = 100;

    /** The stored metrics' column holds 200,000 characters; this leaves room for the rest. */
    static final int MAX_STORED_CHARACTERS = 190_000;

    /** Names the most probable class of one decoded image. */
    @FunctionalInterface
    public interface Classifier {
        String classify(BufferedImage image);
    }

    private final Classifier classifier;
    private final List<String> labels;
    private final Executor prefetch;

    /**
     * @param labels the model's class names
     * @param prefetch reads and decodes the next image while the current one is classified
     */
    public ClassificationEvaluation(Classifier classifier, List<String> labels, Executor prefetch) {
        this.classifier = classifier;
        this.labels = List.copyOf(labels);
        this.prefetch = prefetch;
    }

    /**
     * Runs the evaluation.
     *
     * @throws EvaluationCancelledException between two items once cancellation was requested
     * @throws InvalidArtifactException a class of the dataset is none of the model's labels
     * @throws InvalidRequestException an image of the dataset cannot be read (its name is said)
     */
    public EvaluationMetrics run(DatasetContent content, EvaluationProgress progress) {
        if (content.format() != DatasetFormat.CLASS_FOLDERS) {
            throw new InvalidRequestException(
                    "An image classifier is evaluated on CLASS_FOLDERS datasets, not on "
                            + content.format()
                            + ".");
        }
        requireKnownClasses(content.classes(), labels, content.dataset().dataset(), "the model");
        List<DatasetContent.ClassificationItem> items = content.classificationItems();
        DatasetImages next =
                new DatasetImages(
                        content,
                        items.stream().map(DatasetContent.ClassificationItem::file).toList(),
                        prefetch);
        Set<String> known = new HashSet<>(labels);
        List<String> predicted = new ArrayList<>(items.size());
        int done = 0;
        for (DatasetContent.ClassificationItem item : items) {
            progress.checkCancelled();
            String label = classifier.classify(next.take());
            if (!known.contains(label)) {
                throw new IllegalStateException("The classifier answered an unknown class");
            }
            predicted.add(label);
            progress.done(++done, items.size());
        }
        TreeSet<String> classes = new TreeSet<>(content.classes());
        classes.addAll(predicted);
        ClassificationMetrics metrics = new ClassificationMetrics(List.copyOf(classes));
        for (int i = 0; i < items.size(); i++) {
            metrics.add(predicted.get(i), items.get(i).label());
        }
        return fitted(metrics.result());
    }

    /**
     * Throws a 422 naming the dataset's classes that are none of the model's labels.
     *
     * @param dataset the dataset for the message, e.g. {@code w-hs/colours}
     * @param model the model for the message, e.g. {@code w-hs/rgb 1.0.0}
     */
    public static void requireKnownClasses(
            List<String> classes, List<String> labels, String dataset, String model) {
        Set<String> known = new HashSet<>(labels);
        List<String> unknown = classes.stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidArtifactException(
                    "The dataset "
                            + dataset
                            + " has "
                            + (unknown.size() == 1 ? "the class '" : "the classes '")
                            + String.join("', '", unknown.subList(0, Math.min(10, unknown.size())))
                            + (unknown.size() > 10 ? "', ..." : "'")
                            + " that "
                            + model
                            + " does not know; its "
                            + ClassifierConvention.LABELS_FILE
                            + " names "
                            + ClassifierConvention.sample(labels)
                            + ". Name the class folders as the model's labels.");
        }
    }

    /** The metrics with their summary, shortened so that they fit the stored column. */
    static EvaluationMetrics fitted(ClassificationMetrics.Result result) {
        ClassificationMetrics.Result r =
                result.classes().size() > MATRIX_MAX_CLASSES ? result.withoutConfusion() : result;
        EvaluationMetrics metrics = metrics(r);
        if (tooLong(metrics)) {
            metrics = metrics(r.withoutConfusion().withoutPerClass());
        }
        if (tooLong(metrics)) {
            // tens of thousands of classes: their names alone do not fit, the summary does
            metrics = new EvaluationMetrics(r.items(), summary(r), null, null, null, null, null);
        }
        return metrics;
    }

    private static boolean tooLong(EvaluationMetrics metrics) {
        return EvaluationRunner.toJson(metrics).length() > MAX_STORED_CHARACTERS;
    }

    private static EvaluationMetrics metrics(ClassificationMetrics.Result r) {
        return new EvaluationMetrics(r.items(), summary(r), null, null, null, null, r);
    }

    private static Map<String, Double> summary(ClassificationMetrics.Result r) {
        Map<String, Double> summary = new LinkedHashMap<>();
        if (r.accuracy() != null) {
            summary.put(LeaderboardMetric.ACCURACY.key(), r.accuracy());
        }
        if (r.macroF1() != null) {
            summary.put(LeaderboardMetric.MACRO_F1.key(), r.macroF1());
        }
        return summary;
    }
}
