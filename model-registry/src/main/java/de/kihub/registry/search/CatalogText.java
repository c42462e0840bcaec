package de.kihub.registry.search;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * The free-text part of a catalog query, as a Lucene query. Exact matches (simple query string
 * syntax, all terms required) score above typo-tolerant ones; a text matches if either does.
 *
 * <p>The queries are exactly those Hibernate Search's predicate DSL built before (simple query
 * string with per-field weights and boost 2, match predicates, boolean predicates): same terms,
 * same boosts, same scores, so relevance did not change when the search moved to plain Lucene
 * ({@link CatalogSearch} explains why it did).
 */
final class CatalogText {
    /** Terms this long tolerate one typo; shorter ones would match too many unrelated words. */
    static final int FUZZY_MIN_LENGTH = 5;

    /** Terms this long tolerate two. */
    static final int FUZZY_TWO_MIN_LENGTH = 10;

    private static final int MAX_FUZZY_TERMS = 10;

    /** Exact matches count twice, typo-tolerant ones half. */
    private static final float EXACT_BOOST = 2f;

    private static final float FUZZY_BOOST = 0.5f;

    private static final Map<String, Float> GERMAN_WEIGHTS = weights(CatalogFields.GERMAN_TEXT);
    private static final Map<String, Float> ENGLISH_WEIGHTS = weights(CatalogFields.ENGLISH_TEXT);

    private CatalogText() {}

    /** The exact query and, for each word, the typo-tolerant one: what was always searched. */
    static Query query(String text) {
        BooleanQuery.Builder any = exactClauses(text);
        List<String> terms = terms(text);
        if (!terms.isEmpty()) {
            any.add(new BoostQuery(typoTolerant(terms), FUZZY_BOOST), Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * Only the exact part of {@link #query}: stems, folded umlauts, compound parts and synonyms, no
     * typos. Most searches have enough hits with it; the typo-tolerant part is the expensive one
     * (Levenshtein automata, up to 50 expansions per word and field).
     */
    static Query exactQuery(String text) {
        return exactClauses(text).build();
    }

    private static BooleanQuery.Builder exactClauses(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        // one query per language: each group of fields shares its analyzer
        addFlat(any, exact(CatalogAnalyzers.Shared.GERMAN_QUERY, GERMAN_WEIGHTS, text), 1f);
        addFlat(any, exact(CatalogAnalyzers.Shared.ENGLISH_QUERY, ENGLISH_WEIGHTS, text), 1f);
        return any;
    }

    /**
     * Adds {@code q} as an optional clause; a pure disjunction (the per-language query of a single
     * word, say) clause by clause, with its boosts multiplied into each. The score is the same sum
     * of the same boosted term scores, but Lucene walks one disjunction per match instead of two
     * nested ones.
     */
    static void addFlat(BooleanQuery.Builder to, Query q, float boost) {
        if (q instanceof BoostQuery boosted) {
            addFlat(to, boosted.getQuery(), boost * boosted.getBoost());
        } else if (q instanceof BooleanQuery any
                && any.getMinimumNumberShouldMatch() == 0
                && any.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
            any.clauses().forEach(c -> addFlat(to, c.getQuery(), boost));
        } else {
            to.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        }
    }

    /** Every word, in German or English, within its edit distance. */
    private static Query typoTolerant(List<String> terms) {
        // the automata of a typo-tolerant word are built once, not once per field
        SharedFuzzyAutomata automata = new SharedFuzzyAutomata();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            all.add(
                    new BooleanQuery.Builder()
                            .add(
                                    fuzzy(
                                            CatalogFields.GERMAN_TEXT,
                                            CatalogAnalyzers.Shared.GERMAN_QUERY,
                                            term,
                                            automata),
                                    Occur.SHOULD)
                            .add(
                                    fuzzy(
                                            CatalogFields.ENGLISH_TEXT,
                                            CatalogAnalyzers.Shared.ENGLISH_QUERY,
                                            term,
                                            automata),
                                    Occur.SHOULD)
                            .build(),
                    Occur.MUST);
        }
        return all.build();
    }

    /** All words required, in any of the fields (simple query string syntax). */
    private static Query exact(Analyzer analyzer, Map<String, Float> weights, String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
        parser.setDefaultOperator(Occur.MUST);
        return new BoostQuery(parser.parse(text), EXACT_BOOST);
    }

    /**
     * The word in each of the fields, with its boost; from 5 letters with one edit, from 10 with
     * two. Typo-tolerant words get Lucene's fuzzy query per token of the analyzed word, from {@link
     * SharedFuzzyAutomata}, so that the Levenshtein automata are built once per word instead of
     * once per field.
     */
    private static Query fuzzy(
            List<CatalogFields.Weighted> fields,
            Analyzer queryAnalyzer,
            String term,
            SharedFuzzyAutomata automata) {
        int distance =
                term.length() >= FUZZY_TWO_MIN_LENGTH
                        ? 2
                        : term.length() >= FUZZY_MIN_LENGTH ? 1 : 0;
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        for (CatalogFields.Weighted w : fields) {
            // the first letter is rarely the typo, and a fixed prefix keeps fuzzy queries cheap
            anyField.add(
                    distance == 0
                            ? exactWord(queryAnalyzer, w, term)
                            : automata.query(
                                    queryAnalyzer, w.field(), term, distance, 1, w.boost()),
                    Occur.SHOULD);
        }
        return anyField.build();
    }

    /** A short word in one field, analyzed like the field's query text, without typos. */
    private static Query exactWord(Analyzer analyzer, CatalogFields.Weighted w, String term) {
        Query q = new QueryBuilder(analyzer).createBooleanQuery(w.field(), term);
        return new BoostQuery(
                q == null ? new MatchNoDocsQuery("No tokens after analysis of the value") : q,
                w.boost());
    }

    private static Map<String, Float> weights(List<CatalogFields.Weighted> fields) {
        Map<String, Float> weights = new LinkedHashMap<>();
        fields.forEach(w -> weights.put(w.field(), w.boost()));
        // ordered: the parser adds the fields' clauses in this order, as Hibernate Search did
        return Collections.unmodifiableMap(weights);
    }

    /** The words of the text without query syntax. */
    static List<String> terms(String text) {
        return Arrays.stream(text.split("[\\s+|\"*()~-]+"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .limit(MAX_FUZZY_TERMS)
                .toList();
    }
}
