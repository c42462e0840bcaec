package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The exact query of a single word is one flat disjunction with the boosts carried down, and
 * flattening keeps every score: the same documents in the same order with the same scores.
 */
class CatalogTextTest {

    @Test
    void aSingleWordIsOneDisjunctionOverBothLanguagesFields() {
        Query q = CatalogText.exactQuery("Personenzählung");
        BooleanQuery flat = assertInstanceOf(BooleanQuery.class, q);
        assertEquals(
                CatalogFields.GERMAN_TEXT.size() + CatalogFields.ENGLISH_TEXT.size(),
                flat.clauses().size());
        for (BooleanClause c : flat.clauses()) {
            assertEquals(Occur.SHOULD, c.getOccur());
            Query inner = c.getQuery() instanceof BoostQuery b ? b.getQuery() : c.getQuery();
            assertInstanceOf(TermQuery.class, inner, c.toString());
        }
        // the name field (weight 3) with the exact boost (2)
        assertTrue(
                flat.toString().contains("(displayName_de:personenzahlung)^6.0"), flat::toString);
    }

    @Test
    void severalRequiredWordsKeepTheirConjunctionPerLanguage() {
        BooleanQuery q =
                assertInstanceOf(BooleanQuery.class, CatalogText.exactQuery("traffic count"));
        assertEquals(2, q.clauses().size());
        for (BooleanClause language : q.clauses()) {
            BoostQuery boosted = assertInstanceOf(BoostQuery.class, language.getQuery());
            assertEquals(2f, boosted.getBoost());
            BooleanQuery words = assertInstanceOf(BooleanQuery.class, boosted.getQuery());
            assertTrue(words.clauses().stream().allMatch(c -> c.getOccur() == Occur.MUST));
        }
    }

    @Test
    void flatteningKeepsTheScores() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w =
                    new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                String[][] docs = {
                    {"people counter", "counts people at the stadium exit", "counting"},
                    {"parking", "free spaces in the car park", "people parking"},
                    {"stadium people", "people people people", "people"},
                    {"trees", "tree register of the town", "trees"},
                    {"footfall", "people counting in the high street", "footfall people counting"}
                };
                for (String[] d : docs) {
                    Document doc = new Document();
                    doc.add(new TextField("name", d[0], Field.Store.NO));
                    doc.add(new TextField("description", d[1], Field.Store.NO));
                    doc.add(new TextField("card", d[2], Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String word : List.of("people", "counting", "stadium", "parking")) {
                    Query nested =
                            new BooleanQuery.Builder()
                                    .add(
                                            new BoostQuery(fields(word, "name", "description"), 2f),
                                            Occur.SHOULD)
                                    .add(
                                            new BoostQuery(fields(word, "card", "description"), 2f),
                                            Occur.SHOULD)
                                    .build();
                    BooleanQuery.Builder flat = new BooleanQuery.Builder();
                    for (BooleanClause c : ((BooleanQuery) nested).clauses()) {
                        CatalogText.addFlat(flat, c.getQuery(), 1f);
                    }
                    Query flattened = flat.build();
                    assertEquals(4, ((BooleanQuery) flattened).clauses().size());
                    assertFalse(
                            ((BooleanQuery) flattened)
                                    .clauses().stream()
                                            .anyMatch(
                                                    c ->
                                                            c.getQuery() instanceof BoostQuery b
                                                                    && b.getQuery()
                                                                            instanceof
                                                                            BooleanQuery),
                            flattened::toString);
                    ScoreDoc[] expected = searcher.search(nested, 10).scoreDocs;
                    ScoreDoc[] actual = searcher.search(flattened, 10).scoreDocs;
                    assertEquals(expected.length, actual.length, word);
                    assertTrue(expected.length > 0, word);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i].doc, actual[i].doc, word);
                        assertEquals(expected[i].score, actual[i].score, 1e-5f, word);
                    }
                }
            }
        }
    }

    /** The word in two fields, the first weighted 3 (as the hub weights names). */
    private static Query fields(String word, String first, String second) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(first, word)), 3f), Occur.SHOULD)
                .add(new TermQuery(new Term(second, word)), Occur.SHOULD)
                .build();
    }
}
