package de.kihub.services.evaluation;

import de.kihub.registry.error.InvalidRequestException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/** The summary numbers an evaluation reports, and which of two values is the better one. */
public enum LeaderboardMetric {
    /** Mean absolute error of the per-item count. */
    MAE("mae", Direction.LOWER),
    RMSE("rmse", Direction.LOWER),
    /** Mean of predicted minus true count; ranked by its distance from 0. */
    MEAN_BIAS("meanBias", Direction.CLOSEST_TO_ZERO),
    /** Mean absolute percentage error over the items with people. */
    MAPE("mape", Direction.LOWER),
    PRECISION("precision", Direction.HIGHER),
    RECALL("recall", Direction.HIGHER),
    AP50("ap50", Direction.HIGHER),
    /** Mean absolute error of the line crossings over lines and directions. */
    CROSSING_MAE("crossingMae", Direction.LOWER),
    ACCURACY("accuracy", Direction.HIGHER),
    MACRO_F1("macroF1", Direction.HIGHER);

    /** Which way is better. */
    public enum Direction {
        LOWER,
        HIGHER,
        CLOSEST_TO_ZERO
    }

    private final String key;
    private final Direction direction;

    LeaderboardMetric(String key, Direction direction) {
        this.key = key;
        this.direction = direction;
    }

    /** The name in the API and in {@link EvaluationMetrics#summary()}. */
    public String key() {
        return key;
    }

    public Direction direction() {
        return direction;
    }

    /** Orders values best first. */
    public Comparator<Double> bestFirst() {
        return switch (direction) {
            case LOWER -> Comparator.naturalOrder();
            case HIGHER -> Comparator.<Double>naturalOrder().reversed();
            case CLOSEST_TO_ZERO -> Comparator.comparingDouble(Math::abs);
        };
    }

    /** The metric called {@code key}, or InvalidRequestException naming the known ones. */
    public static LeaderboardMetric of(String key) {
        return Arrays.stream(values())
                .filter(m -> m.key.equals(key))
                .findFirst()
                .orElseThrow(
                        () ->
                                new InvalidRequestException(
                                        "Unknown metric '"
                                                + key
                                                + "'; use one of "
                                                + Arrays.stream(values())
                                                        .map(LeaderboardMetric::key)
                                                        .collect(Collectors.joining(", "))
                                                + "."));
    }

    /** What a leaderboard of this task ranks by when no metric is asked for. */
    public static LeaderboardMetric defaultFor(String task) {
        return Tasks.IMAGE_CLASSIFICATION.equals(task) ? ACCURACY : MAE;
    }
}
