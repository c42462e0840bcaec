package de.kihub.services.documentation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetRef;
import de.kihub.registry.dataset.Datasets;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelRef;
import de.kihub.services.evaluation.Evaluation;
import de.kihub.services.evaluation.EvaluationStatus;
import de.kihub.services.evaluation.Evaluations;
import de.kihub.services.evaluation.LeaderboardMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hub's evaluation results of one model version that a reader may see, read through the public
 * evaluation API ({@link Evaluations#list}): public results for everybody, shared ones for
 * everybody, a tenant's own results for that tenant only, everything for curators. Per dataset and
 * configuration the latest result counts, and only one measured on the dataset's current content
 * (as on the leaderboards).
 */
@ApplicationScoped
public class CardEvaluations {
    /** Results of a model read per card: the newest ones; enough for any realistic card. */
    static final int MAX_READ = 200;

    @Inject Evaluations evaluations;

    @Inject Datasets datasets;

    /** The results, by dataset name and then newest first. */
    public List<EvaluatedResult> of(Actor actor, ModelRef model, String version) {
        List<Evaluation> succeeded =
                evaluations.list(
                        actor, model.toString(), null, EvaluationStatus.SUCCEEDED.name(), MAX_READ);
        Map<String, Optional<Dataset>> shownDatasets = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<EvaluatedResult> results = new ArrayList<>();
        for (Evaluation e : succeeded) {
            if (!e.version().equals(version) || e.metrics() == null) {
                continue;
            }
            // the list is newest first: the first per dataset and configuration is the latest
            if (!seen.add(e.dataset() + " " + e.provenance().configuration())) {
                continue;
            }
            Optional<Dataset> dataset =
                    shownDatasets.computeIfAbsent(e.dataset(), d -> dataset(actor, d));
            if (dataset.isPresent()
                    && !e.provenance().datasetSha256().equals(dataset.get().sha256())) {
                continue;
            }
            Map<String, Double> metrics = metrics(e.metrics());
            if (metrics.isEmpty()) {
                continue;
            }
            results.add(
                    new EvaluatedResult(
                            e.id(),
                            e.dataset(),
                            dataset.map(Dataset::displayName).orElse(e.dataset()),
                            e.task(),
                            e.provenance().configuration(),
                            metrics,
                            e.finishedAt(),
                            e.publicResult() ? "public" : e.shared() ? "shared" : "tenant"));
        }
        results.sort(Comparator.comparing(EvaluatedResult::datasetName));
        return List.copyOf(results);
    }

    private Optional<Dataset> dataset(Actor actor, String dataset) {
        try {
            return Optional.of(datasets.get(actor, DatasetRef.parse(dataset)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The summary numbers the leaderboards know, in their order. */
    static Map<String, Double> metrics(JsonObject metrics) {
        Map<String, Double> shown = new LinkedHashMap<>();
        JsonObject summary = metrics.getJsonObject("summary");
        if (summary == null) {
            return shown;
        }
        for (LeaderboardMetric m : LeaderboardMetric.values()) {
            JsonValue value = summary.get(m.key());
            if (value instanceof JsonNumber n) {
                shown.put(m.key(), n.doubleValue());
            }
        }
        return shown;
    }
}
