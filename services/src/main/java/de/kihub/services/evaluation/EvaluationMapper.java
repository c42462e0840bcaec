package de.kihub.services.evaluation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.version.VersionReference;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entity to API record; the estimate of the time left is made here, from the pace so far. */
final class EvaluationMapper {
    private EvaluationMapper() {}

    static Evaluation toEvaluation(
            Actor viewer,
            EvaluationEntity e,
            VersionReference version,
            Dataset dataset,
            Instant now) {
        return new Evaluation(
                e.id,
                version.model().toString(),
                version.version(),
                e.task,
                dataset.dataset(),
                e.tenantId,
                e.status,
                new Evaluation.Progress(e.itemsDone, e.itemsTotal, eta(e, now)),
                e.metrics == null ? null : json(e.metrics),
                new Evaluation.Provenance(
                        e.modelSha256,
                        e.datasetSha256,
                        json(e.configuration),
                        e.hubVersion,
                        e.durationMs,
                        EvaluationAccess.canSeeWho(viewer, e.tenantId) ? e.createdBy : null,
                        e.createdAt),
                e.failureReason,
                e.publicResult,
                e.shared,
                e.startedAt,
                e.finishedAt);
    }

    /**
     * Seconds left at the pace so far (time since the start per item done, times the items left);
     * null unless the job runs and has done an item.
     */
    static Long eta(EvaluationEntity e, Instant now) {
        if (e.status != EvaluationStatus.RUNNING
                || e.itemsDone <= 0
                || e.itemsTotal == null
                || e.startedAt == null) {
            return null;
        }
        double perItem = Duration.between(e.startedAt, now).toMillis() / (double) e.itemsDone;
        long left = Math.max(0, e.itemsTotal - e.itemsDone);
        return Math.round(perItem * left / 1000);
    }

    /** The headline numbers of stored metrics (see {@link EvaluationMetrics#summary()}). */
    static Map<String, Double> summary(String metrics) {
        Map<String, Double> summary = new LinkedHashMap<>();
        if (metrics == null) {
            return summary;
        }
        JsonObject s = json(metrics).getJsonObject("summary");
        if (s != null) {
            for (Map.Entry<String, JsonValue> entry : s.entrySet()) {
                if (entry.getValue() instanceof JsonNumber n) {
                    summary.put(entry.getKey(), n.doubleValue());
                }
            }
        }
        return summary;
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
