package de.kihub.registry.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * Which display name a suggestion shows: the English one when only it starts with the typed words
 * (someone typing "Peop" wants to read "People counting"), else the German one.
 */
final class CatalogSuggest {
    private static final class Chain {
        static final Analyzer FOLD = CatalogAnalyzers.suggestQuery();
    }

    private final List<String> typed;

    CatalogSuggest(List<String> words) {
        this.typed = words.stream().flatMap(w -> WordLists.terms(Chain.FOLD, w).stream()).toList();
    }

    String text(String displayNameDe, String displayNameEn) {
        if (displayNameEn != null && !completes(displayNameDe) && completes(displayNameEn)) {
            return displayNameEn;
        }
        return displayNameDe != null ? displayNameDe : displayNameEn;
    }

    /** Whether every typed word starts a word of the name, both folded alike. */
    boolean completes(String name) {
        if (name == null) {
            return false;
        }
        List<String> words = WordLists.terms(Chain.FOLD, name);
        return typed.stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)));
    }
}
