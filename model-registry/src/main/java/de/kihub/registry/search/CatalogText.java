package de.kihub.registry.search;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.search.predicate.dsl.LuceneSearchPredicateFactory;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryStringPredicateFieldMoreStep;

/**
 * The free-text part of a catalog query. Exact matches (simple query string syntax, all terms
 * required) score above typo-tolerant ones; a text matches if either does.
 */
final class CatalogText {
    /** Terms this long tolerate one typo; shorter ones would match too many unrelated words. */
    static final int FUZZY_MIN_LENGTH = 5;

    /** Terms this long tolerate two. */
    static final int FUZZY_TWO_MIN_LENGTH = 10;

    private static final int MAX_FUZZY_TERMS = 10;

    /** The query analyzers of the text fields (the same chains the index is configured with). */
    private static final class Chains {
        static final Analyzer GERMAN_QUERY = CatalogAnalyzers.germanQuery();
        static final Analyzer ENGLISH_QUERY = CatalogAnalyzers.englishQuery();
    }

    private CatalogText() {}

    static SearchPredicate predicate(SearchPredicateFactory f, String text) {
        BooleanPredicateClausesStep<?> any = f.bool();
        // one query per language: each group of fields shares its analyzer
        any.should(exact(f, CatalogFields.GERMAN_TEXT, text));
        any.should(exact(f, CatalogFields.ENGLISH_TEXT, text));
        List<String> terms = terms(text);
        if (!terms.isEmpty()) {
            // the automata of a typo-tolerant word are built once, not once per field
            SharedFuzzyAutomata automata = new SharedFuzzyAutomata();
            BooleanPredicateClausesStep<?> all = f.bool();
            for (String term : terms) {
                all.must(
                        f.bool()
                                .should(
                                        fuzzy(
                                                f,
                                                CatalogFields.GERMAN_TEXT,
                                                Chains.GERMAN_QUERY,
                                                term,
                                                automata))
                                .should(
                                        fuzzy(
                                                f,
                                                CatalogFields.ENGLISH_TEXT,
                                                Chains.ENGLISH_QUERY,
                                                term,
                                                automata)));
            }
            any.should(all.boost(0.5f));
        }
        return any.toPredicate();
    }

    private static SearchPredicate exact(
            SearchPredicateFactory f, List<CatalogFields.Weighted> fields, String text) {
        SimpleQueryStringPredicateFieldMoreStep<?, ?> step = null;
        for (CatalogFields.Weighted w : fields) {
            step =
                    (step == null ? f.simpleQueryString().field(w.field()) : step.field(w.field()))
                            .boost(w.boost());
        }
        return step.matching(text).defaultOperator(BooleanOperator.AND).boost(2f).toPredicate();
    }

    /**
     * The word in each of the fields, with its boost; from 5 letters with one edit, from 10 with
     * two. Short words are matched exactly by Hibernate Search's match predicate; typo-tolerant
     * ones get the same Lucene query that predicate builds (per field the word analyzed with the
     * field's query analyzer, a fuzzy term query per token), but from {@link SharedFuzzyAutomata},
     * so that the Levenshtein automata are built once per word instead of once per field.
     */
    private static SearchPredicate fuzzy(
            SearchPredicateFactory f,
            List<CatalogFields.Weighted> fields,
            Analyzer queryAnalyzer,
            String term,
            SharedFuzzyAutomata automata) {
        int distance =
                term.length() >= FUZZY_TWO_MIN_LENGTH
                        ? 2
                        : term.length() >= FUZZY_MIN_LENGTH ? 1 : 0;
        if (distance == 0) {
            MatchPredicateFieldMoreStep<?, ?> step = null;
            for (CatalogFields.Weighted w : fields) {
                step =
                        (step == null ? f.match().field(w.field()) : step.field(w.field()))
                                .boost(w.boost());
            }
            return step.matching(term).toPredicate();
        }
        LuceneSearchPredicateFactory lucene = f.extension(LuceneExtension.get());
        BooleanPredicateClausesStep<?> anyField = f.bool();
        for (CatalogFields.Weighted w : fields) {
            // the first letter is rarely the typo, and a fixed prefix keeps fuzzy queries cheap
            anyField.should(
                    lucene.fromLuceneQuery(
                            automata.query(
                                    queryAnalyzer, w.field(), term, distance, 1, w.boost())));
        }
        return anyField.toPredicate();
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
