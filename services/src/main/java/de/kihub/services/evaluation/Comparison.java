package de.kihub.services.evaluation;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two versions of one model on one dataset side by side: for each the latest succeeded evaluation
 * on the dataset's current content that the caller may see, and per metric the difference.
 */
public record Comparison(
        String model, String dataset, Side a, Side b, List<Difference> differences) {

    /** One version's result. */
    public record Side(
            String version,
            UUID evaluation,
            JsonObject configuration,
            String modelSha256,
            Map<String, Double> summary,
            Instant evaluatedAt) {}

    /**
     * @param difference {@code b - a}
     * @param better "a", "b" or "equal" by the metric's direction
     */
    public record Difference(String metric, double a, double b, double difference, String better) {}
}
