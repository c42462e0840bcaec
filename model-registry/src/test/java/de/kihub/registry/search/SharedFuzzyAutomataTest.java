package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/**
 * The fuzzy queries with shared automata find and score exactly what Lucene's own FuzzyQuery finds
 * (as Hibernate Search's fuzzy match predicate builds it), in several fields and segments, and
 * build the automata of a word once.
 */
class SharedFuzzyAutomataTest {
    static final List<String> FIELDS =
            List.of("displayName_de", "tags_de", "description_de", "card_de");
    static final float[] BOOSTS = {3f, 2f, 1f, 0.5f};
    static final String[][] DOCS = {
        {
            "Personenzählung Innenstadt",
            "personenzählung",
            "Zählt Personen anonym",
            "Personenzahlung"
        },
        {"Passantenzählung", "passanten", "Misst die Passantenfrequenz", "Zählung"},
        {"Parkplatzbelegung", "parkplatz", "Erkennt freie Stellplätze", "Parkplätze"},
        {"Verkehrszählung", "verkehr", "Zählt Fahrzeuge an Kreuzungen", "Personenzahl"},
        {"Personenzähler", "kamera", "Personen und Besucher", "Hochwasser"},
    };

    final Analyzer german = CatalogAnalyzers.german();
    final Analyzer germanQuery = CatalogAnalyzers.germanQuery();

    @Test
    void sameHitsAndScoresAsLucenesFuzzyQueryAndAutomataBuiltOnce() throws IOException {
        try (Directory dir = index()) {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            for (String word :
                    List.of(
                            "Personenzälung",
                            "Personenzählung",
                            "Parkplaz",
                            "Verkehrszaehlung",
                            "Zählung")) {
                int distance = word.length() >= 10 ? 2 : 1;
                SharedFuzzyAutomata automata = new SharedFuzzyAutomata();
                TopDocs shared = searcher.search(shared(automata, word, distance), 10);
                TopDocs lucene = searcher.search(lucene(word, distance), 10);
                assertTrue(lucene.scoreDocs.length > 0, word);
                assertArrayEquals(docs(lucene), docs(shared), word);
                assertArrayEquals(scores(lucene), scores(shared), 1e-6f, word);
                assertEquals(1, automata.built(), word);
                // four fields in two segments: the first field builds (or finds them from an
                // earlier search), the other three take them
                assertTrue(automata.reused() >= FIELDS.size() - 1, word);
                // a later search builds nothing
                SharedFuzzyAutomata later = new SharedFuzzyAutomata();
                TopDocs again = searcher.search(shared(later, word, distance), 10);
                assertArrayEquals(docs(lucene), docs(again), word);
                assertArrayEquals(scores(lucene), scores(again), 1e-6f, word);
                assertEquals(FIELDS.size(), later.reused(), word);
            }
        }
    }

    @Test
    void recentAutomataStayWithinTheirBudget() {
        SharedFuzzyAutomata.Recent recent = new SharedFuzzyAutomata.Recent(1000);
        var automata = new org.apache.lucene.analysis.tokenattributes.CharTermAttributeImpl();
        recent.put("a", automata, 400);
        recent.put("b", automata, 400);
        recent.get("a"); // now b is the least recently used
        recent.put("c", automata, 400);
        assertEquals(2, recent.size());
        assertTrue(recent.get("b") == null && recent.get("a") != null && recent.get("c") != null);
        recent.put("huge", automata, 2000);
        assertTrue(recent.get("huge") == null);
        assertTrue(
                SharedFuzzyAutomata.estimatedBytes("personenzahlung", 2)
                        > SharedFuzzyAutomata.estimatedBytes("personenzahlung", 1));
    }

    Query shared(SharedFuzzyAutomata automata, String word, int distance) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < FIELDS.size(); i++) {
            any.add(
                    automata.query(germanQuery, FIELDS.get(i), word, distance, 1, BOOSTS[i]),
                    BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** What Hibernate Search builds for a fuzzy match on several boosted fields. */
    Query lucene(String word, int distance) {
        QueryBuilder fuzzy =
                new QueryBuilder(germanQuery) {
                    @Override
                    protected Query newTermQuery(org.apache.lucene.index.Term term, float boost) {
                        Query q = new FuzzyQuery(term, distance, 1);
                        return boost == 1f ? q : new BoostQuery(q, boost);
                    }
                };
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < FIELDS.size(); i++) {
            any.add(
                    new BoostQuery(fuzzy.createBooleanQuery(FIELDS.get(i), word), BOOSTS[i]),
                    BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    Directory index() throws IOException {
        Directory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(german));
        config.setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int d = 0; d < DOCS.length; d++) {
                Document doc = new Document();
                for (int i = 0; i < FIELDS.size(); i++) {
                    doc.add(new TextField(FIELDS.get(i), DOCS[d][i], Field.Store.NO));
                }
                writer.addDocument(doc);
                if (d == 2) {
                    writer.commit(); // a second segment
                }
            }
        }
        return dir;
    }

    static int[] docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
    }

    static float[] scores(TopDocs top) {
        float[] s = new float[top.scoreDocs.length];
        for (int i = 0; i < s.length; i++) {
            ScoreDoc d = top.scoreDocs[i];
            s[i] = d.score;
        }
        return s;
    }
}
