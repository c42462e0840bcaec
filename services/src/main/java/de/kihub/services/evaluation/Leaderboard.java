package de.kihub.services.evaluation;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The best results on one dataset by one metric, best first: per model version and configuration
 * the latest succeeded evaluation on the dataset's current content that the caller may see.
 *
 * @param dataset {@code owner/name}
 * @param datasetSha256 the content the entries were measured on
 * @param task the model task the entries are limited to, or null for all
 * @param metric the metric ranked by
 * @param better "lower", "higher" or "closest_to_zero"
 */
public record Leaderboard(
        String dataset,
        String datasetSha256,
        String task,
        String metric,
        String better,
        List<Entry> entries) {

    /** One model version with one configuration. */
    public record Entry(
            int rank,
            String model,
            String version,
            String task,
            JsonObject configuration,
            double value,
            UUID evaluation,
            String modelSha256,
            Instant evaluatedAt) {}
}
