package de.kihub.registry.search;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.Communities;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.model.internal.ModelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;

/**
 * Searches the catalog for an actor: free text in German and English, filters, facets, paging. Only
 * what the actor may see is ever matched or counted (see {@link CatalogVisibility}).
 */
@ApplicationScoped
public class CatalogSearch {
    /** Facets shown with every result, by API name. */
    static final Map<String, String> FACETS =
            Map.of(
                    "task", CatalogFields.TASK,
                    "domain", CatalogFields.DOMAIN,
                    "license", CatalogFields.LICENSE,
                    "owner", CatalogFields.OWNER);

    private static final int MAX_FACET_VALUES = 100;

    @PersistenceContext EntityManager em;

    @PersistenceUnit EntityManagerFactory emf;

    @Inject Communities communities;

    /** Read in a transaction so that the search session has an open ORM session. */
    @Transactional
    public CatalogResult search(Actor actor, CatalogQuery query) {
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
                                                        f.field(CatalogFields.OWNER, String.class),
                                                        f.field(CatalogFields.NAME, String.class),
                                                        f.field(
                                                                CatalogFields.DISPLAY_NAME_DE,
                                                                String.class),
                                                        f.field(
                                                                CatalogFields.DISPLAY_NAME_EN,
                                                                String.class),
                                                        f.field(
                                                                CatalogFields.DESCRIPTION_DE,
                                                                String.class),
                                                        f.field(
                                                                CatalogFields.DESCRIPTION_EN,
                                                                String.class),
                                                        f.field(CatalogFields.TASK, String.class),
                                                        f.field(CatalogFields.DOMAIN, String.class),
                                                        f.field(
                                                                CatalogFields.LICENSE,
                                                                String.class),
                                                        f.field(CatalogFields.TAGS, String.class)
                                                                .multi(),
                                                        f.field(
                                                                CatalogFields.VISIBILITY,
                                                                Visibility.class),
                                                        f.field(
                                                                CatalogFields.UPDATED_AT,
                                                                Instant.class))
                                                .asList())
                        .where(f -> where(f, actor, memberships, query))
                        .sort(
                                f ->
                                        query.sort() == CatalogSort.RELEVANCE
                                                        && query.text() != null
                                                ? f.score()
                                                        .then()
                                                        .field(CatalogFields.UPDATED_AT)
                                                        .desc()
                                                        .then()
                                                        .field(CatalogFields.NAME)
                                                : f.field(CatalogFields.UPDATED_AT)
                                                        .desc()
                                                        .then()
                                                        .field(CatalogFields.NAME));
        for (var key : keys.entrySet()) {
            step =
                    step.aggregation(
                            key.getValue(),
                            f ->
                                    f.terms()
                                            .field(FACETS.get(key.getKey()), String.class)
                                            .maxTermCount(MAX_FACET_VALUES));
        }
        SearchResult<List<?>> result = step.fetch((query.page() - 1) * query.size(), query.size());
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        keys.forEach((name, key) -> facets.put(name, result.aggregation(key)));
        return new CatalogResult(
                result.total().hitCount(),
                result.hits().stream().map(CatalogSearch::hit).toList(),
                facets);
    }

    /** Rebuilds the index from the database (curators; the caller checks). */
    public long reindex() throws InterruptedException {
        Search.mapping(emf).scope(ModelEntity.class).massIndexer().startAndWait();
        return em.createQuery("select count(m) from ModelEntity m", Long.class).getSingleResult();
    }

    /**
     * Rebuilds the index when it holds fewer models than the database: after an upgrade that added
     * search, or when the index folder was deleted. Returns whether it rebuilt.
     */
    public boolean reindexIfBehind() throws InterruptedException {
        long indexed =
                Search.session(em)
                        .search(ModelEntity.class)
                        .where(f -> f.matchAll())
                        .fetchTotalHitCount();
        long stored =
                em.createQuery("select count(m) from ModelEntity m", Long.class).getSingleResult();
        if (indexed >= stored) {
            return false;
        }
        reindex();
        return true;
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
        if (query.task() != null) {
            where.filter(f.match().field(CatalogFields.TASK).matching(query.task()));
        }
        if (query.domain() != null) {
            where.filter(f.match().field(CatalogFields.DOMAIN).matching(query.domain()));
        }
        if (query.license() != null) {
            where.filter(f.match().field(CatalogFields.LICENSE).matching(query.license()));
        }
        return where;
    }

    @SuppressWarnings("unchecked")
    private static CatalogHit hit(List<?> row) {
        String owner = (String) row.get(0);
        String name = (String) row.get(1);
        Visibility visibility = (Visibility) row.get(10);
        return new CatalogHit(
                owner + "/" + name,
                owner,
                name,
                new LocalizedText((String) row.get(2), (String) row.get(3)),
                new LocalizedText((String) row.get(4), (String) row.get(5)),
                (String) row.get(6),
                (String) row.get(7),
                (String) row.get(8),
                (List<String>) row.get(9),
                visibility == null ? null : visibility.name(),
                (Instant) row.get(11));
    }
}
