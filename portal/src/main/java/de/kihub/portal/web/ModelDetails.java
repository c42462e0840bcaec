package de.kihub.portal.web;

import de.kihub.registry.access.Actor;
import de.kihub.registry.card.CardCompleteness;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.error.HubException;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.search.CatalogHit;
import de.kihub.registry.search.CatalogQuery;
import de.kihub.registry.search.CatalogResult;
import de.kihub.registry.search.CatalogSearch;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionFile;
import de.kihub.registry.version.VersionStatus;
import de.kihub.services.deployment.DeploymentRecords;
import de.kihub.services.deployment.PublicRecord;
import de.kihub.services.documentation.ModelCardDocuments;
import de.kihub.services.documentation.ModelCardView;
import de.kihub.services.documentation.QuantitativeAnalyses;
import de.kihub.services.evaluation.Evaluation;
import de.kihub.services.evaluation.Evaluations;
import de.kihub.services.evaluation.Leaderboard;
import de.kihub.services.evaluation.Leaderboards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the model page shows beyond the catalog entry: the card of one version (sanitised HTML and
 * its completeness), the artifacts, the evaluations with their leaderboard positions, and who uses
 * the model. Every call goes through the services with the caller's identity, as the API does, so
 * each part shows only what the caller may see.
 */
@ApplicationScoped
public class ModelDetails {
    private static final Logger LOG = Logger.getLogger(ModelDetails.class.getName());

    /** Evaluations read per model page; the newest per version and dataset are shown. */
    static final int EVALUATION_LIMIT = 200;

    /** Catalog pages of one owner looked through for the usage count. */
    static final int USAGE_PAGES = 5;

    @Inject ModelCardDocuments documents;

    @Inject Evaluations evaluations;

    @Inject Leaderboards leaderboards;

    @Inject CatalogSearch search;

    @Inject DeploymentRecords records;

    /** The card of one version: the sanitised fragment and how complete it is. */
    public record Card(
            String version,
            String html,
            int percent,
            List<String> missingDe,
            List<String> missingEn,
            int revision,
            List<Export> exports) {}

    /** A link to one export of the card. */
    public record Export(String key, String href) {}

    /** A stored file of a version: the primary artifact or an extra file. */
    public record Artifact(
            String version,
            String name,
            String format,
            String sha256,
            long size,
            String sizeText,
            String href) {}

    /** A metric of an evaluation with its readable name. */
    public record Metric(String key, String name, String value) {}

    /** The latest succeeded evaluation of one version on one dataset. */
    public record EvaluationRow(
            String version,
            String dataset,
            String date,
            List<Metric> metrics,
            Integer rank,
            String rankedBy) {}

    /** A municipality running the model that publishes its deployment on a transparency page. */
    public record User(String organisation, String deployment, String href) {}

    /** The version whose card the page shows: the asked one, the newest released, or the newest. */
    static ModelVersion cardVersion(List<ModelVersion> versions, String asked) {
        if (asked != null) {
            for (ModelVersion v : versions) {
                if (v.version().equals(asked)) {
                    return v;
                }
            }
        }
        for (ModelVersion v : versions) {
            if (VersionStatus.RELEASED.contains(v.status())) {
                return v;
            }
        }
        return versions.isEmpty() ? null : versions.get(0);
    }

    Card card(Actor actor, ModelRef ref, ModelVersion version, String language) {
        if (version == null) {
            return null;
        }
        try {
            ModelCardView view = documents.view(actor, ref, version.version());
            String html = documents.html(actor, ref, version.version(), language);
            CardCompleteness detail = view.completenessDetail();
            String base = apiBase(ref) + "/versions/" + version.version() + "/card";
            return new Card(
                    version.version(),
                    html,
                    (int) Math.round(view.completeness() * 100),
                    titles(detail.de().missing(), language),
                    titles(detail.en().missing(), language),
                    view.revision(),
                    List.of(
                            new Export("html", base + "?format=html&lang=" + language),
                            new Export("modelCard", base + "?format=model-card"),
                            new Export("json", base + "?format=json")));
        } catch (HubException e) {
            LOG.log(Level.FINE, "no card for " + ref + "@" + version.version(), e);
            return null;
        }
    }

    private static List<String> titles(List<CardSection> sections, String language) {
        return sections.stream().map(s -> s.title(language)).toList();
    }

    /** The artifacts and extra files of the versions, with their download addresses. */
    static List<Artifact> artifacts(ModelRef ref, List<ModelVersion> versions, Locale locale) {
        List<Artifact> rows = new ArrayList<>();
        for (ModelVersion v : versions) {
            String base = apiBase(ref) + "/versions/" + v.version();
            if (v.artifact() != null) {
                rows.add(
                        new Artifact(
                                v.version(),
                                null,
                                v.artifact().format().name(),
                                v.artifact().sha256(),
                                v.artifact().size(),
                                Sizes.text(v.artifact().size(), locale),
                                base + "/artifact"));
            }
            if (v.files() != null) {
                for (VersionFile f : v.files()) {
                    rows.add(
                            new Artifact(
                                    v.version(),
                                    f.name(),
                                    null,
                                    f.sha256(),
                                    f.size(),
                                    Sizes.text(f.size(), locale),
                                    base + "/files/" + QueryParameters.encode(f.name())));
                }
            }
        }
        return rows;
    }

    /** The newest succeeded evaluation per version and dataset, with its leaderboard rank. */
    List<EvaluationRow> evaluations(Actor actor, ModelRef ref, String language, Locale locale) {
        List<Evaluation> found;
        try {
            found = evaluations.list(actor, ref.toString(), null, "SUCCEEDED", EVALUATION_LIMIT);
        } catch (HubException e) {
            LOG.log(Level.FINE, "no evaluations for " + ref, e);
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Leaderboard> boards = new HashMap<>();
        List<EvaluationRow> rows = new ArrayList<>();
        for (Evaluation e : found) {
            if (!seen.add(e.version() + " " + e.dataset())) {
                continue;
            }
            Leaderboard board =
                    boards.computeIfAbsent(e.dataset(), d -> leaderboard(actor, d, e.task()));
            Integer rank = null;
            if (board != null) {
                rank =
                        board.entries().stream()
                                .filter(
                                        x ->
                                                x.model().equals(ref.toString())
                                                        && x.version().equals(e.version()))
                                .map(Leaderboard.Entry::rank)
                                .findFirst()
                                .orElse(null);
            }
            rows.add(
                    new EvaluationRow(
                            e.version(),
                            e.dataset(),
                            e.finishedAt() == null
                                    ? null
                                    : ModelPage.dateFormat(locale).format(e.finishedAt()),
                            metrics(e.metrics(), language, locale),
                            rank,
                            board == null
                                    ? null
                                    : QuantitativeAnalyses.metricName(board.metric(), language)));
        }
        return rows;
    }

    private Leaderboard leaderboard(Actor actor, String dataset, String task) {
        try {
            return leaderboards.leaderboard(actor, task, dataset, null, 200);
        } catch (HubException e) {
            LOG.log(Level.FINE, "no leaderboard for " + dataset, e);
            return null;
        }
    }

    /** The summary numbers of an evaluation's metrics, named for readers. */
    static List<Metric> metrics(JsonObject metrics, String language, Locale locale) {
        List<Metric> out = new ArrayList<>();
        if (metrics == null || !(metrics.get("summary") instanceof JsonObject summary)) {
            return out;
        }
        for (Map.Entry<String, JsonValue> m : summary.entrySet()) {
            if (m.getValue() instanceof JsonNumber n) {
                out.add(
                        new Metric(
                                m.getKey(),
                                QuantitativeAnalyses.metricName(m.getKey(), language),
                                String.format(locale, "%.3f", n.doubleValue())));
            }
        }
        return out;
    }

    /** "genutzt von N Kommunen" as the catalog counts it; 0 when the catalog does not list it. */
    int activeTenants(Actor actor, ModelRef ref) {
        try {
            for (int page = 1; page <= USAGE_PAGES; page++) {
                CatalogResult result =
                        search.search(
                                actor,
                                new CatalogQuery(
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        ref.owner().value(),
                                        null,
                                        page,
                                        CatalogQuery.MAX_SIZE));
                for (CatalogHit hit : result.items()) {
                    if (hit.name().equals(ref.name())) {
                        return hit.activeTenants();
                    }
                }
                if ((long) page * CatalogQuery.MAX_SIZE >= result.total()) {
                    break;
                }
            }
        } catch (HubException e) {
            LOG.log(Level.FINE, "no catalog entry for " + ref, e);
        }
        return 0;
    }

    /**
     * The municipalities whose ACTIVE deployment of the model has a signed-off public record: they
     * have chosen to publish it, so the page may name them and link their transparency page.
     */
    List<User> publishedUsers(ModelRef ref) {
        Map<String, User> users = new LinkedHashMap<>();
        for (PublicRecord p : records.published()) {
            if (ref.toString().equals(p.document().subject().model())) {
                String href =
                        "/transparenz/"
                                + QueryParameters.encode(p.tenant())
                                + "/"
                                + QueryParameters.encode(p.deploymentName());
                users.putIfAbsent(
                        href, new User(p.document().organisation(), p.document().name(), href));
            }
        }
        return List.copyOf(users.values());
    }

    static String apiBase(ModelRef ref) {
        return "/api/v1/models/"
                + QueryParameters.encode(ref.owner().value())
                + "/"
                + QueryParameters.encode(ref.name());
    }
}
