package de.kihub.registry.search;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.Communities;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.internal.LatestRelease;
import de.kihub.registry.model.internal.ModelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortField.Type;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
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

    private static final int MAX_SUGGEST_WORDS = 10;

    /**
     * How many searches run at once (system property {@code kihub.search.concurrency}, default: the
     * number of cores). A search is pure CPU work; more of them at once only share the cores and
     * all finish later, while the others wait in line and start as soon as a core is free.
     */
    static final int CONCURRENCY =
            Integer.parseInt(
                    setting(
                            "kihub.search.concurrency",
                            String.valueOf(Runtime.getRuntime().availableProcessors())));

    /**
     * Typo tolerance as a fallback (the default, {@code kihub.search.typos=fallback} or environment
     * {@code KIHUB_SEARCH_TYPOS}): a text is first searched without typos; only when that finds
     * fewer than {@value #TYPO_FALLBACK_BELOW} models is it searched again with them, as before
     * ({@code always}: every search with typos, as before).
     */
    static final boolean TYPOS_ALWAYS = "always".equals(setting("kihub.search.typos", "fallback"));

    /** Transaction timeout of the mass indexer's ID loading. */
    static final int REINDEX_TRANSACTION_SECONDS = 3600;

    /** Fewer exact hits than this: search again, typo-tolerant. */
    static final int TYPO_FALLBACK_BELOW = 5;

    @PersistenceContext EntityManager em;

    @PersistenceUnit EntityManagerFactory emf;

    @Inject Communities communities;

    @Inject LatestRelease latestRelease;

    private final SearchTimings searchTimings = new SearchTimings();
    private final SearchTimings suggestTimings = new SearchTimings();
    private final SearchTimings permitWaits = new SearchTimings();
    private final Semaphore running = new Semaphore(Math.max(1, CONCURRENCY), true);
    private volatile LuceneIndexScope index;

    /**
     * Searches with plain Lucene on Hibernate Search's own index reader: the query as Hibernate
     * Search's predicates built it ({@link CatalogText}, {@link CatalogVisibility}), one pass that
     * counts the total and the six facets ({@link CatalogFacetCounts}), the page's hits from stored
     * fields ({@link CatalogDocuments}). No ORM session or transaction: nothing is loaded from the
     * database but the caller's community memberships. Hibernate Search's query DSL walked the
     * matches once per facet (six aggregations), projected every hit through its own machinery and
     * needed a transaction per search; see docs/search.md.
     */
    public CatalogResult search(Actor actor, CatalogQuery query) {
        long started = System.nanoTime();
        try {
            Set<CommunityId> memberships = communities.of(actor.tenant());
            long waiting = System.nanoTime();
            running.acquireUninterruptibly();
            permitWaits.record(System.nanoTime() - waiting);
            try {
                if (query.text() == null) {
                    return find(
                            where(actor, memberships, query, new MatchAllDocsQuery()), query, true);
                }
                if (!TYPOS_ALWAYS) {
                    Query exact = CatalogText.exactQuery(query.text());
                    CatalogResult result =
                            find(where(actor, memberships, query, exact), query, true);
                    if (result.total() >= TYPO_FALLBACK_BELOW) {
                        return result;
                    }
                }
                return find(
                        where(actor, memberships, query, CatalogText.query(query.text())),
                        query,
                        false);
            } finally {
                running.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            searchTimings.record(System.nanoTime() - started);
        }
    }

    // search(Query, Collector): a search runs on one thread; a collector manager adds nothing
    @SuppressWarnings("deprecation")
    private CatalogResult find(Query where, CatalogQuery query, boolean exact) throws IOException {
        try (IndexReader reader = index().openIndexReader()) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int offset = (query.page() - 1) * query.size();
            // never more slots than documents, however far the page
            int wanted = Math.max(1, Math.min(offset + query.size(), reader.maxDoc()));
            TopFieldCollector top =
                    new TopFieldCollectorManager(order(query), wanted, null, wanted, false)
                            .newCollector();
            CatalogFacetCounts facets = new CatalogFacetCounts(FACETS);
            searcher.search(where, MultiCollector.wrap(top, facets));
            ScoreDoc[] page = top.topDocs(offset, query.size()).scoreDocs;
            StoredFields stored = reader.storedFields();
            Document[] documents = new Document[page.length];
            for (int i = 0; i < page.length; i++) {
                documents[i] = CatalogDocuments.document(stored, page[i].doc);
            }
            String[] snippets = new String[page.length];
            if (query.text() != null) {
                snippets(reader, page, documents, query.text(), exact, snippets);
            }
            List<CatalogHit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                hits.add(CatalogDocuments.hit(documents[i], snippets[i]));
            }
            return new CatalogResult(facets.total(), hits, facets.facets());
        }
    }

    /**
     * The page's snippets: found without typo tolerance, from the highlight-only postings (exact
     * words marked); with it, from the hits' term vectors and texts, which also mark words within
     * the typo distance. Hits from a segment indexed before the highlight-only postings existed
     * also take the second way.
     */
    private static void snippets(
            IndexReader reader,
            ScoreDoc[] page,
            Document[] documents,
            String text,
            boolean exact,
            String[] snippets)
            throws IOException {
        CatalogHighlighter highlighter = CatalogHighlighter.forQuery(text, !exact);
        String[][] texts = new String[page.length][];
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            texts[i] = CatalogDocuments.snippetTexts(documents[i]);
            docs[i] = page[i].doc;
        }
        CatalogHighlighter.Snippet[] found =
                exact
                        ? highlighter.snippets(reader, docs, texts)
                        : new CatalogHighlighter.Snippet[page.length];
        TermVectors vectors = null;
        for (int i = 0; i < page.length; i++) {
            if (found[i] != null) {
                snippets[i] = found[i].html();
            } else {
                if (vectors == null) {
                    vectors = reader.termVectors();
                }
                String[] t = texts[i];
                snippets[i] = highlighter.snippet(vectors.get(docs[i]), t[0], t[1], t[2], t[3]);
            }
        }
    }

    /** Hibernate Search's Lucene view of the catalog index; the scope is made once. */
    private LuceneIndexScope index() {
        LuceneIndexScope scope = index;
        if (scope == null) {
            scope = Search.mapping(emf).scope(ModelEntity.class).extension(LuceneExtension.get());
            index = scope;
        }
        return scope;
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
                                    Query visible = CatalogVisibility.filter(actor, memberships);
                                    if (visible != null) {
                                        where.filter(
                                                f.extension(LuceneExtension.get())
                                                        .fromLuceneQuery(visible));
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

    /**
     * How long searches waited for a permit of {@link #CONCURRENCY} since the start (part of {@link
     * #searchTimings}), for the server metrics: long waits mean more searches than cores.
     */
    public SearchTimings.Snapshot permitWaits() {
        return permitWaits.snapshot();
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
                // the ID loading runs in one transaction; WildFly's default of 300 s ended it on
                // a busy machine (100,000 models, load average 13 on 2 cores)
                .transactionTimeout(REINDEX_TRANSACTION_SECONDS)
                .mergeSegmentsOnFinish(true)
                .startAndWait();
        return em.createQuery("select count(m) from ModelEntity m", Long.class).getSingleResult();
    }

    /**
     * At start-up: fills the release columns of models released before they existed (V8), then
     * rebuilds the index when it holds fewer models than the database in the current mapping: after
     * an upgrade that added search or a field, or when the index folder was deleted; and when it
     * was written before the snippet texts kept term vectors. Returns whether it rebuilt.
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
        if (indexed >= stored && !lacksSnippetFields()) {
            return false;
        }
        reindex();
        return true;
    }

    /**
     * Whether a part of the index was written before the snippet texts kept term vectors, or before
     * the highlight-only postings existed ({@link SnippetOffsetsBinder}).
     */
    private boolean lacksSnippetFields() {
        try (IndexReader reader = index().openIndexReader()) {
            for (LeafReaderContext leaf : reader.leaves()) {
                var fields = leaf.reader().getFieldInfos();
                FieldInfo description = fields.fieldInfo(CatalogFields.DESCRIPTION_DE);
                if (description != null
                        && (!description.hasVectors()
                                || fields.fieldInfo(CatalogFields.SNIPPET_DESCRIPTION_DE)
                                        == null)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The order of the hits, as Hibernate Search sorted them: score (with text, unless newest),
     * then last change, then name; by reuse the number of municipalities first.
     */
    private static Sort order(CatalogQuery query) {
        boolean byScore = query.text() != null && query.sort() != CatalogSort.NEWEST;
        List<SortField> fields = new ArrayList<>();
        if (query.sort() == CatalogSort.REUSE) {
            fields.add(new SortedNumericSortField(CatalogFields.ACTIVE_TENANTS, Type.INT, true));
        }
        if (byScore) {
            fields.add(SortField.FIELD_SCORE);
        }
        fields.add(new SortedNumericSortField(CatalogFields.UPDATED_AT, Type.LONG, true));
        fields.add(new SortedSetSortField(CatalogFields.NAME, false));
        return new Sort(fields.toArray(SortField[]::new));
    }

    /** The text (or all models), within what the actor may see, and the filters. */
    private static Query where(
            Actor actor, Set<CommunityId> memberships, CatalogQuery query, Query text) {
        BooleanQuery.Builder where = new BooleanQuery.Builder();
        where.add(text, Occur.MUST);
        Query visible = CatalogVisibility.filter(actor, memberships);
        if (visible != null) {
            where.add(visible, Occur.FILTER);
        }
        filter(where, CatalogFields.TASK, query.task());
        filter(where, CatalogFields.DOMAIN, query.domain());
        filter(where, CatalogFields.LICENSE, query.license());
        filter(where, CatalogFields.RISK_CLASS, name(query.riskClass()));
        filter(where, CatalogFields.FORMAT, name(query.format()));
        filter(where, CatalogFields.OWNER, query.owner());
        return where.build();
    }

    private static void filter(BooleanQuery.Builder where, String field, String value) {
        if (value != null) {
            where.add(CatalogVisibility.keyword(field, value), Occur.FILTER);
        }
    }

    /** A system property, else the environment variable of the same name (KIHUB_SEARCH_...). */
    static String setting(String property, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }
}
