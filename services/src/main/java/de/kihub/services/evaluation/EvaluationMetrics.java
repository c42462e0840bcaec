package de.kihub.services.evaluation;

import de.kihub.services.evaluation.metrics.ClassificationMetrics;
import de.kihub.services.evaluation.metrics.CountingMetrics;
import de.kihub.services.evaluation.metrics.CrossingMetrics;
import de.kihub.services.evaluation.metrics.DetectionMetrics;
import java.util.Map;

/**
 * What an evaluation measured, stored as JSON. Only the parts that fit the model's task and the
 * dataset's format are set; the others are null (and left out of the JSON).
 *
 * @param items the dataset's items (images or frames) evaluated
 * @param summary the headline numbers that leaderboards rank by (see {@link LeaderboardMetric})
 * @param counting per-item count errors
 * @param detection person boxes against the annotated boxes (MOT datasets)
 * @param crossings line crossings counted by the hub's tracker against the annotated tracks
 * @param linesFrom where the lines came from: "configuration" or "dataset"
 * @param classification accuracy, macro-F1 and the confusion matrix
 */
public record EvaluationMetrics(
        int items,
        Map<String, Double> summary,
        CountingMetrics.Result counting,
        DetectionMetrics.Result detection,
        CrossingMetrics.Result crossings,
        String linesFrom,
        ClassificationMetrics.Result classification) {}
