package de.kihub.services.evaluation;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * An evaluation as the API shows it: the job's state and, once it succeeded, its metrics.
 *
 * @param tenant the tenant that ran it; null for a platform curator
 * @param progress items done of the total and the estimated seconds left while it runs
 * @param metrics what was measured (see {@link EvaluationMetrics}); null until it succeeded
 * @param provenance what produced the numbers
 * @param failureReason why it failed or was cancelled
 * @param publicResult a released version of a public model on a public dataset: shown to everybody
 * @param shared the tenant shared the result: shown to everybody
 */
@JsonbPropertyOrder({
    "id",
    "model",
    "version",
    "task",
    "dataset",
    "tenant",
    "status",
    "progress",
    "metrics",
    "provenance",
    "failureReason",
    "public",
    "shared",
    "startedAt",
    "finishedAt"
})
public record Evaluation(
        UUID id,
        String model,
        String version,
        String task,
        String dataset,
        String tenant,
        EvaluationStatus status,
        Progress progress,
        JsonObject metrics,
        Provenance provenance,
        String failureReason,
        @JsonbProperty("public") boolean publicResult,
        boolean shared,
        Instant startedAt,
        Instant finishedAt) {

    /**
     * @param done items evaluated
     * @param total the dataset's items, null until the job opened it
     * @param etaSeconds estimated seconds left at the pace so far, while the job runs
     */
    public record Progress(int done, Integer total, Long etaSeconds) {}

    /**
     * @param modelSha256 the evaluated model file
     * @param datasetSha256 the dataset content it ran on
     * @param configuration the settings with their defaults filled in
     * @param hubVersion the hub that computed the numbers
     * @param durationMs from the job's start to its end
     * @param createdBy who ran it; shown to the tenant that ran it and to curators only
     * @param createdAt when it was asked for
     */
    public record Provenance(
            String modelSha256,
            String datasetSha256,
            JsonObject configuration,
            String hubVersion,
            Long durationMs,
            String createdBy,
            Instant createdAt) {}
}
