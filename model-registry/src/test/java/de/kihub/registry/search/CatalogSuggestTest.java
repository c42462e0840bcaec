package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** Prefix analysis for suggestions, and which display name a suggestion shows. */
class CatalogSuggestTest {
    static final String DE = "Personenzählung (NanoDet-m)";
    static final String EN = "People counting (NanoDet-m)";

    final Analyzer index = CatalogAnalyzers.suggest();
    final Analyzer query = CatalogAnalyzers.suggestQuery();

    void assertCompletes(String typed, String name) {
        List<String> indexed = WordLists.terms(index, name);
        for (String t : WordLists.terms(query, typed)) {
            assertTrue(indexed.contains(t), () -> typed + " -> " + t + " not in " + indexed);
        }
    }

    @Test
    void everyPrefixOfEveryFoldedWordIsIndexed() {
        assertCompletes("Perso", DE);
        assertCompletes("personenzae", DE);
        assertCompletes("PERSONENZÄH", DE);
        assertCompletes("nano", DE);
        assertCompletes("Fussg", "Fußgängerzählung");
        assertFalse(WordLists.terms(index, DE).contains("zahlung"), "only prefixes, no infixes");
    }

    @Test
    void theTypedWordsAreNotCutIntoPrefixes() {
        assertEquals(List.of("perso"), WordLists.terms(query, "Perso"));
    }

    @Test
    void showsTheEnglishNameOnlyWhenOnlyItStartsWithTheTypedWords() {
        assertEquals(EN, new CatalogSuggest(List.of("Peop")).text(DE, EN));
        assertEquals(EN, new CatalogSuggest(List.of("people", "cou")).text(DE, EN));
        assertEquals(DE, new CatalogSuggest(List.of("Perso")).text(DE, EN));
        assertEquals(DE, new CatalogSuggest(List.of("Nano")).text(DE, EN));
        // matched by a tag only: the German name
        assertEquals(DE, new CatalogSuggest(List.of("besuch")).text(DE, EN));
    }
}
