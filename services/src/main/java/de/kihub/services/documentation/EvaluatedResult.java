package de.kihub.services.documentation;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One result of the hub's evaluations of a model version, as a card shows it: the latest succeeded
 * evaluation per dataset and configuration that the reader may see.
 *
 * @param dataset {@code owner/name}
 * @param datasetName the dataset's display name (its {@code owner/name} if the reader may not see
 *     the dataset itself, e.g. a shared result on another tenant's dataset)
 * @param task the task the model was evaluated for
 * @param configuration the evaluation's settings with their defaults
 * @param metrics the summary numbers by metric key ({@code mae}, {@code accuracy}, ...), in the
 *     order of the leaderboard metrics
 * @param visibility {@code public} (public model and dataset), {@code shared} (shared by the tenant
 *     that ran it) or {@code tenant} (the reader's tenant's own, or a curator's view)
 */
public record EvaluatedResult(
        UUID evaluation,
        String dataset,
        String datasetName,
        String task,
        JsonObject configuration,
        Map<String, Double> metrics,
        Instant evaluatedAt,
        String visibility) {}
