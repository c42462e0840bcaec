package de.kihub.registry.search;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.community.Communities;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Maturity;
import de.kihub.registry.model.RiskClass;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.model.internal.LatestRelease;
import de.kihub.registry.model.internal.ModelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;

/**
 * Searches the catalog for an actor: free text in German and English, filters, facets, sorting,
 * highlighted snippets, paging, and suggestions as you type. Only what the actor may see is ever
 * matched or counted (see {@link CatalogVisibility}). The duration of every query is recorded for
 * the server metrics.
 */
@ApplicationScoped
public class CatalogSearch {
    /** Facets shown with every result, by API name. */
    static final Map<String, String> FACETS =
            Map.of(
                    "task", CatalogFields.TASK,
                    "domain", CatalogFields.DOMAIN,
                    "license", CatalogFields.LICENSE,
                    "riskClass", CatalogFields.RISK_CLASS,
                    "format", CatalogFields.FORMAT,
                    "owner", CatalogFields.OWNER);

    static final int MAX_SUGGESTIONS = 10;
    static final int MIN_SUGGEST_TEXT = 2;
    static final int MAX_SUGGEST_TEXT = 100;

    private static final int MAX_FACET_VALUES = 100;
    private static final int MAX_SUGGEST_WORDS = 10;

    /** The projected fields of a hit, in this order. */
    private enum Column {
        OWNER(CatalogFields.OWNER, String.class),
        NAME(CatalogFields.NAME, String.class),
        DISPLAY_NAME_DE(CatalogFields.DISPLAY_NAME_DE, String.class),
        DISPLAY_NAME_EN(CatalogFields.DISPLAY_NAME_EN, String.class),
        DESCRIPTION_DE(CatalogFields.DESCRIPTION_DE, String.class),
        DESCRIPTION_EN(CatalogFields.DESCRIPTION_EN, String.class),
        TASK(CatalogFields.TASK, String.class),
        DOMAIN(CatalogFields.DOMAIN, String.class),
        LICENSE(CatalogFields.LICENSE, String.class),
        TAGS(CatalogFields.TAGS, String.class),
        VISIBILITY(CatalogFields.VISIBILITY, Visibility.class),
        UPDATED_AT(CatalogFields.UPDATED_AT, Instant.class),
        RISK_CLASS(CatalogFields.RISK_CLASS, RiskClass.class),
        MATURITY(CatalogFields.MATURITY, Maturity.class),
        LATEST_VERSION(CatalogFields.LATEST_VERSION, String.class),
        FORMAT(CatalogFields.FORMAT, ArtifactFormat.class),
        ACTIVE_TENANTS(CatalogFields.ACTIVE_TENANTS, Integer.class),
        CARD_DE(CatalogFields.CARD_DE, String.class),
        CARD_EN(CatalogFields.CARD_EN, String.class);

        final String field;
        final Class<?> type;

        Column(String field, Class<?> type) {
            this.field = field;
            this.type = type;
        }

        SearchProjection<?> projection(SearchProjectionFactory<?, ?> f) {
            return this == TAGS
                    ? f.field(field, type).multi().toProjection()
                    : f.field(field, type).toProjection();
        }

        Object of(List<?> row) {
            return row.get(ordinal());
        }
    }

    @PersistenceContext EntityManager em;

    @PersistenceUnit EntityManagerFactory emf;

    @Inject Communities communities;

    @Inject LatestRelease latestRelease;

    private final SearchTimings searchTimings = new SearchTimings();
    private final SearchTimings suggestTimings = new SearchTimings();

    /** Read in a transaction so that the search session has an open ORM session. */
    @Transactional
    public CatalogResult search(Actor actor, CatalogQuery query) {
        long started = System.nanoTime();
        try {
            return find(actor, query);
        } finally {
            searchTimings.record(System.nanoTime() - started);
        }
    }

    private CatalogResult find(Actor actor, CatalogQuery query) {
        var memberships = communities.of(actor.tenant());
        Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
        FACETS.keySet().stream().sorted().forEach(name -> keys.put(name, AggregationKey.of(name)));
        var step =
                Search.session(em)
                        .search(ModelEntity.class)
                        .select(
                                f ->
                                        f.composite()
                                                .from(
                                                        Arrays.stream(Column.values())
                                                                .map(c -> c.projection(f))
                                                                .toArray(
                                                                        SearchProjection<?>[]::new))
                                                .asList())
                        .where(f -> where(f, actor, memberships, query))
                        .sort(f -> order(f, query));
        for (var key : keys.entrySet()) {
            step =
                    step.aggregation(
                            key.getValue(),
                            f ->
                                    f.terms()
                                            .field(
                                                    FACETS.get(key.getKey()),
                                                    String.class,
                                                    ValueModel.INDEX)
                                            .maxTermCount(MAX_FACET_VALUES));
        }
        SearchResult<List<?>> result = step.fetch((query.page() - 1) * query.size(), query.size());
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        keys.forEach((name, key) -> facets.put(name, result.aggregation(key)));
        CatalogHighlighter highlighter =
                query.text() == null ? null : CatalogHighlighter.forQuery(query.text());
        return new CatalogResult(
                result.total().hitCount(),
                result.hits().stream().map(row -> hit(row, highlighter)).toList(),
                facets);
    }

    /**
     * Up to ten models whose display name (German or English) or a tag starts with the typed words,
     * among those the actor may see; names before tags, then the most used.
     */
    @Transactional
    public CatalogSuggestions suggest(Actor actor, String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.length() < MIN_SUGGEST_TEXT || typed.length() > MAX_SUGGEST_TEXT) {
            throw new InvalidRequestException(
                    "'q' must have "
                            + MIN_SUGGEST_TEXT
                            + " to "
                            + MAX_SUGGEST_TEXT
                            + " characters.");
        }
        long started = System.nanoTime();
        try {
            return suggestions(actor, typed);
        } finally {
            suggestTimings.record(System.nanoTime() - started);
        }
    }

    private CatalogSuggestions suggestions(Actor actor, String typed) {
        List<String> words =
                Arrays.stream(typed.split("\\s+"))
                        .filter(w -> w.chars().anyMatch(Character::isLetterOrDigit))
                        .limit(MAX_SUGGEST_WORDS)
                        .toList();
        if (words.isEmpty()) {
            return new CatalogSuggestions(List.of());
        }
        var memberships = communities.of(actor.tenant());
        List<List<?>> rows =
                Search.session(em)
                        .search(ModelEntity.class)
                        .select(
                                f ->
                                        f.composite()
                                                .from(
                                                        f.field(CatalogFields.OWNER, String.class),
                                                        f.field(CatalogFields.NAME, String.class),
                                                        f.field(
                                                                CatalogFields.DISPLAY_NAME_DE,
                                                                String.class),
                                                        f.field(
                                                                CatalogFields.DISPLAY_NAME_EN,
                                                                String.class))
                                                .asList())
                        .where(
                                f -> {
                                    BooleanPredicateClausesStep<?> where = f.bool();
                                    for (String word : words) {
                                        where.must(prefix(f, word));
                                    }
                                    SearchPredicate visible =
                                            CatalogVisibility.filter(f, actor, memberships);
                                    if (visible != null) {
                                        where.filter(visible);
                                    }
                                    return where;
                                })
                        .sort(
                                f ->
                                        f.score()
                                                .then()
                                                .field(CatalogFields.ACTIVE_TENANTS)
                                                .desc()
                                                .then()
                                                .field(CatalogFields.NAME))
                        .fetchHits(MAX_SUGGESTIONS);
        CatalogSuggest names = new CatalogSuggest(words);
        return new CatalogSuggestions(
                rows.stream()
                        .map(
                                r ->
                                        new CatalogSuggestions.Suggestion(
                                                names.text((String) r.get(2), (String) r.get(3)),
                                                r.get(0) + "/" + r.get(1)))
                        .toList());
    }

    private static SearchPredicate prefix(SearchPredicateFactory f, String word) {
        MatchPredicateFieldMoreStep<?, ?> step = null;
        for (CatalogFields.Weighted w : CatalogFields.SUGGEST) {
            step =
                    (step == null ? f.match().field(w.field()) : step.field(w.field()))
                            .boost(w.boost());
        }
        return step.matching(word).toPredicate();
    }

    /** How long catalog searches took since the start, for the server metrics. */
    public SearchTimings.Snapshot searchTimings() {
        return searchTimings.snapshot();
    }

    /** How long suggestions took since the start, for the server metrics. */
    public SearchTimings.Snapshot suggestTimings() {
        return suggestTimings.snapshot();
    }

    /** Rebuilds the index from the database (curators; the caller checks). */
    public long reindex() throws InterruptedException {
        Search.mapping(emf)
                .scope(ModelEntity.class)
                .massIndexer()
                .mergeSegmentsOnFinish(true)
                .startAndWait();
        return em.createQuery("select count(m) from ModelEntity m", Long.class).getSingleResult();
    }

    /**
     * At start-up: fills the release columns of models released before they existed (V8), then
     * rebuilds the index when it holds fewer models than the database in the current mapping: after
     * an upgrade that added search or a field, or when the index folder was deleted. Returns
     * whether it rebuilt.
     */
    public boolean reindexIfBehind() throws InterruptedException {
        latestRelease.backfill();
        // activeTenants is in every document written with the current mapping (it is never null)
        long indexed =
                Search.session(em)
                        .search(ModelEntity.class)
                        .where(f -> f.exists().field(CatalogFields.ACTIVE_TENANTS))
                        .fetchTotalHitCount();
        long stored =
                em.createQuery("select count(m) from ModelEntity m", Long.class).getSingleResult();
        if (indexed >= stored) {
            return false;
        }
        reindex();
        return true;
    }

    private static SortFinalStep order(SearchSortFactory f, CatalogQuery query) {
        boolean byScore = query.text() != null && query.sort() != CatalogSort.NEWEST;
        if (query.sort() == CatalogSort.REUSE) {
            var reuse = f.field(CatalogFields.ACTIVE_TENANTS).desc().then();
            return (byScore ? reuse.score().then() : reuse)
                    .field(CatalogFields.UPDATED_AT)
                    .desc()
                    .then()
                    .field(CatalogFields.NAME);
        }
        return byScore
                ? f.score()
                        .then()
                        .field(CatalogFields.UPDATED_AT)
                        .desc()
                        .then()
                        .field(CatalogFields.NAME)
                : f.field(CatalogFields.UPDATED_AT).desc().then().field(CatalogFields.NAME);
    }

    private static PredicateFinalStep where(
            SearchPredicateFactory f,
            Actor actor,
            Set<CommunityId> memberships,
            CatalogQuery query) {
        BooleanPredicateClausesStep<?> where = f.bool();
        where.must(
                query.text() == null
                        ? f.matchAll().toPredicate()
                        : CatalogText.predicate(f, query.text()));
        SearchPredicate visible = CatalogVisibility.filter(f, actor, memberships);
        if (visible != null) {
            where.filter(visible);
        }
        filter(f, where, CatalogFields.TASK, query.task());
        filter(f, where, CatalogFields.DOMAIN, query.domain());
        filter(f, where, CatalogFields.LICENSE, query.license());
        filter(f, where, CatalogFields.RISK_CLASS, query.riskClass());
        filter(f, where, CatalogFields.FORMAT, query.format());
        filter(f, where, CatalogFields.OWNER, query.owner());
        return where;
    }

    private static void filter(
            SearchPredicateFactory f,
            BooleanPredicateClausesStep<?> where,
            String field,
            Object value) {
        if (value != null) {
            where.filter(f.match().field(field).matching(value));
        }
    }

    @SuppressWarnings("unchecked")
    private static CatalogHit hit(List<?> row, CatalogHighlighter highlighter) {
        String owner = (String) Column.OWNER.of(row);
        String name = (String) Column.NAME.of(row);
        String descriptionDe = (String) Column.DESCRIPTION_DE.of(row);
        String descriptionEn = (String) Column.DESCRIPTION_EN.of(row);
        Integer activeTenants = (Integer) Column.ACTIVE_TENANTS.of(row);
        return new CatalogHit(
                owner + "/" + name,
                owner,
                name,
                new LocalizedText(
                        (String) Column.DISPLAY_NAME_DE.of(row),
                        (String) Column.DISPLAY_NAME_EN.of(row)),
                new LocalizedText(descriptionDe, descriptionEn),
                (String) Column.TASK.of(row),
                (String) Column.DOMAIN.of(row),
                (String) Column.LICENSE.of(row),
                (List<String>) Column.TAGS.of(row),
                name(Column.VISIBILITY.of(row)),
                (Instant) Column.UPDATED_AT.of(row),
                name(Column.RISK_CLASS.of(row)),
                name(Column.MATURITY.of(row)),
                (String) Column.LATEST_VERSION.of(row),
                name(Column.FORMAT.of(row)),
                activeTenants == null ? 0 : activeTenants,
                highlighter == null
                        ? null
                        : highlighter.snippet(
                                descriptionDe,
                                descriptionEn,
                                (String) Column.CARD_DE.of(row),
                                (String) Column.CARD_EN.of(row)));
    }

    private static String name(Object constant) {
        return constant == null ? null : ((Enum<?>) constant).name();
    }
}
