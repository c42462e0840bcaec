package de.kihub.registry.search;

import java.util.Arrays;
import java.util.List;
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

    private CatalogText() {}

    static SearchPredicate predicate(SearchPredicateFactory f, String text) {
        BooleanPredicateClausesStep<?> any = f.bool();
        // one query per language: each group of fields shares its analyzer
        any.should(exact(f, CatalogFields.GERMAN_TEXT, text));
        any.should(exact(f, CatalogFields.ENGLISH_TEXT, text));
        List<String> terms = terms(text);
        if (!terms.isEmpty()) {
            BooleanPredicateClausesStep<?> all = f.bool();
            for (String term : terms) {
                all.must(
                        f.bool()
                                .should(fuzzy(f, CatalogFields.GERMAN_TEXT, term))
                                .should(fuzzy(f, CatalogFields.ENGLISH_TEXT, term)));
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

    private static SearchPredicate fuzzy(
            SearchPredicateFactory f, List<CatalogFields.Weighted> fields, String term) {
        MatchPredicateFieldMoreStep<?, ?> step = null;
        for (CatalogFields.Weighted w : fields) {
            step =
                    (step == null ? f.match().field(w.field()) : step.field(w.field()))
                            .boost(w.boost());
        }
        var match = step.matching(term);
        int distance =
                term.length() >= FUZZY_TWO_MIN_LENGTH
                        ? 2
                        : term.length() >= FUZZY_MIN_LENGTH ? 1 : 0;
        // the first letter is rarely the typo, and a fixed prefix keeps fuzzy queries cheap
        return (distance == 0 ? match : match.fuzzy(distance, 1)).toPredicate();
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
