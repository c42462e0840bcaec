package de.kihub.services.evaluation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetRef;
import de.kihub.registry.dataset.Datasets;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.CatalogVocabulary;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.VersionReference;
import de.kihub.registry.version.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Leaderboards per dataset (and task) and comparisons of two versions of one model, built from the
 * succeeded evaluations the caller may see on the dataset's current content: numbers measured on
 * content that has since been replaced do not compete.
 */
@ApplicationScoped
public class Leaderboards {
    static final int DEFAULT_ENTRIES = 50;
    static final int MAX_ENTRIES = 200;

    /** Evaluations read per leaderboard; far more than distinct versions and configurations. */
    static final int MAX_ROWS = 5000;

    @Inject EvaluationStore store;

    @Inject Versions versions;

    @Inject Datasets datasets;

    /**
     * The best entries by {@code metric} (default: MAE, accuracy for classification), one per model
     * version and configuration (its latest evaluation), best first.
     */
    public Leaderboard leaderboard(
            Actor actor, String task, String dataset, String metric, Integer limit) {
        Dataset d = dataset(actor, dataset);
        if (task != null) {
            CatalogVocabulary.task(task);
        }
        LeaderboardMetric m =
                metric == null || metric.isBlank()
                        ? LeaderboardMetric.defaultFor(task == null ? d.task() : task)
                        : LeaderboardMetric.of(metric);
        int n = limit == null ? DEFAULT_ENTRIES : limit;
        if (n < 1 || n > MAX_ENTRIES) {
            throw new InvalidRequestException(
                    "'limit' must lie between 1 and " + MAX_ENTRIES + ".");
        }
        Set<String> seen = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (EvaluationEntity e : current(actor, d, null)) {
            if (task != null && !task.equals(e.task)) {
                continue;
            }
            // rows come newest first: the first of a version and configuration is its latest
            if (!seen.add(e.versionId + " " + e.configuration)) {
                continue;
            }
            Double value = EvaluationMapper.summary(e.metrics).get(m.key());
            if (value != null) {
                candidates.add(new Candidate(e, value));
            }
        }
        candidates.sort(
                Comparator.comparing(Candidate::value, m.bestFirst())
                        .thenComparing(c -> c.e().finishedAt));
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(n, candidates.size()))) {
            VersionReference v = versions.reference(c.e().versionId);
            entries.add(
                    new Leaderboard.Entry(
                            entries.size() + 1,
                            v.model().toString(),
                            v.version(),
                            c.e().task,
                            EvaluationMapper.json(c.e().configuration),
                            c.value(),
                            c.e().id,
                            c.e().modelSha256,
                            c.e().finishedAt));
        }
        return new Leaderboard(
                d.dataset(),
                d.sha256(),
                task,
                m.key(),
                m.direction().name().toLowerCase(Locale.ROOT),
                entries);
    }

    /** Versions {@code a} and {@code b} of one model side by side on one dataset. */
    public Comparison compare(Actor actor, String model, String a, String b, String dataset) {
        if (Evaluations.blank(model) || Evaluations.blank(a) || Evaluations.blank(b)) {
            throw new InvalidRequestException(
                    "'model' (owner/name), 'a' and 'b' (two of its versions) and 'dataset' are"
                            + " required.");
        }
        ModelRef ref = ModelRef.parse(model);
        VersionReference va = versions.reference(actor, ref, a);
        VersionReference vb = versions.reference(actor, ref, b);
        Dataset d = dataset(actor, dataset);
        Comparison.Side sa = side(actor, d, va);
        Comparison.Side sb = side(actor, d, vb);
        List<Comparison.Difference> differences = new ArrayList<>();
        for (LeaderboardMetric m : LeaderboardMetric.values()) {
            Double x = sa.summary().get(m.key());
            Double y = sb.summary().get(m.key());
            if (x == null || y == null) {
                continue;
            }
            int order = m.bestFirst().compare(x, y);
            differences.add(
                    new Comparison.Difference(
                            m.key(), x, y, y - x, order < 0 ? "a" : order > 0 ? "b" : "equal"));
        }
        return new Comparison(ref.toString(), d.dataset(), sa, sb, differences);
    }

    private Comparison.Side side(Actor actor, Dataset d, VersionReference v) {
        List<EvaluationEntity> rows = current(actor, d, v);
        if (rows.isEmpty()) {
            throw new NotFoundException(
                    "There is no succeeded evaluation of "
                            + v.model()
                            + " "
                            + v.version()
                            + " on the current content of "
                            + d.dataset()
                            + " that you may see; start one with POST /api/v1/evaluations.");
        }
        EvaluationEntity e = rows.get(0);
        Map<String, Double> summary = EvaluationMapper.summary(e.metrics);
        return new Comparison.Side(
                v.version(),
                e.id,
                EvaluationMapper.json(e.configuration),
                e.modelSha256,
                summary,
                e.finishedAt);
    }

    /** Succeeded, visible evaluations on the dataset's current content, newest first. */
    private List<EvaluationEntity> current(Actor actor, Dataset d, VersionReference version) {
        return store
                .visible(
                        actor,
                        d.id(),
                        null,
                        version == null ? null : version.versionId(),
                        EvaluationStatus.SUCCEEDED,
                        MAX_ROWS)
                .stream()
                .filter(e -> e.datasetSha256.equals(d.sha256()))
                .toList();
    }

    private Dataset dataset(Actor actor, String dataset) {
        if (Evaluations.blank(dataset)) {
            throw new InvalidRequestException(
                    "'dataset' (owner/name) is required: leaderboards are per dataset.");
        }
        return datasets.get(actor, DatasetRef.parse(dataset));
    }

    private record Candidate(EvaluationEntity e, double value) {}
}
