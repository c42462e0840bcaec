package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** The analysis chains alone: what a query term must meet in the index. */
class CatalogAnalyzersTest {
    final Analyzer german = CatalogAnalyzers.german();
    final Analyzer germanQuery = CatalogAnalyzers.germanQuery();
    final Analyzer english = CatalogAnalyzers.english();
    final Analyzer englishQuery = CatalogAnalyzers.englishQuery();

    List<String> index(Analyzer a, String text) {
        return WordLists.terms(a, text);
    }

    String query(Analyzer a, String word) {
        List<String> terms = WordLists.terms(a, word);
        assertEquals(1, terms.size(), () -> word + " -> " + terms);
        return terms.get(0);
    }

    void assertFinds(String queryWord, String indexedText) {
        List<String> indexed = index(german, indexedText);
        String q = query(germanQuery, queryWord);
        assertTrue(indexed.contains(q), () -> queryWord + " -> " + q + " not in " + indexed);
    }

    @Test
    void compoundsAreFoundByTheirParts() {
        assertFinds("Zählung", "Passantenzählung");
        assertFinds("zählen", "Passantenzählung");
        assertFinds("Personen", "Personenzählung");
        assertFinds("Bäume", "Baumkronen");
        assertFinds("Schlagloch", "Schlaglocherkennung");
    }

    @Test
    void umlautSpellingsAreFolded() {
        assertFinds("zaehlung", "Zählung");
        assertFinds("Fussgaenger", "Fußgänger");
        assertFinds("buergeranliegen", "Bürgeranliegen");
    }

    @Test
    void synonymsAreExpandedWhenIndexing() {
        assertFinds("Passantenzählung", "Personenzählung");
        assertFinds("Frequenzmessung", "Personenzählung");
        assertFinds("Fußgängerzählung", "Personenzählung");
        List<String> en = index(english, "People counting");
        assertTrue(en.contains(query(englishQuery, "footfall")), en::toString);
        assertTrue(en.contains(query(englishQuery, "pedestrian")), en::toString);
    }

    @Test
    void englishIsStemmed() {
        assertTrue(
                index(english, "Electricity demand forecasting")
                        .contains(query(englishQuery, "forecasts")));
    }
}
