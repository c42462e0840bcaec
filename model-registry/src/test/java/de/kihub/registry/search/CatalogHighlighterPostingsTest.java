package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Snippets cut from the highlight-only postings ({@link SnippetOffsetsBinder}) are those cut from
 * analysing the texts again with exact matches only (no typo tolerance): German and English texts
 * with compounds, umlaut spellings, synonyms, stems and markup, hits in any order and over several
 * segments. A segment indexed before those fields existed gives no snippet, so that the caller
 * falls back to the term vectors.
 */
class CatalogHighlighterPostingsTest {
    static final List<String[]> TEXTS = CatalogHighlighterVectorsTest.TEXTS;

    static final List<String> QUERIES = CatalogHighlighterVectorsTest.QUERIES;

    static final String[] FIELDS = {
        CatalogFields.SNIPPET_DESCRIPTION_DE,
        CatalogFields.SNIPPET_DESCRIPTION_EN,
        CatalogFields.SNIPPET_CARD_DE,
        CatalogFields.SNIPPET_CARD_EN
    };

    @Test
    void cutsTheSameSnippetsFromPostingsAsFromAnalysis() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            // two segments: the first three texts, then the others
            index(dir, TEXTS.subList(0, 3), true);
            index(dir, TEXTS.subList(3, TEXTS.size()), true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(2, reader.leaves().size());
                // the page in an order other than the documents'
                int[] docs = {4, 1, 5, 0, 3, 2};
                String[][] texts = new String[docs.length][];
                for (int i = 0; i < docs.length; i++) {
                    texts[i] = TEXTS.get(docs[i]);
                }
                for (String query : QUERIES) {
                    CatalogHighlighter.Snippet[] snippets =
                            CatalogHighlighter.forQuery(query, false).snippets(reader, docs, texts);
                    for (int i = 0; i < docs.length; i++) {
                        String[] t = texts[i];
                        assertNotNull(snippets[i], query + " in document " + docs[i]);
                        assertEquals(
                                CatalogHighlighter.forQuery(query, false)
                                        .snippet(t[0], t[1], t[2], t[3]),
                                snippets[i].html(),
                                query + " in document " + docs[i]);
                    }
                }
            }
        }
    }

    @Test
    void marksCompoundPartsFromThePostings() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, TEXTS, true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                String s =
                        CatalogHighlighter.forQuery("Zählung")
                                .snippets(reader, new int[] {1}, new String[][] {TEXTS.get(1)})[0]
                                .html();
                assertTrue(s.contains("zählung</mark>"), s);
            }
        }
    }

    @Test
    void givesNoSnippetForSegmentsWithoutTheHighlightFields() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, TEXTS.subList(0, 1), false);
            index(dir, TEXTS.subList(1, 2), true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                CatalogHighlighter.Snippet[] snippets =
                        CatalogHighlighter.forQuery("Personen")
                                .snippets(
                                        reader,
                                        new int[] {0, 1},
                                        new String[][] {TEXTS.get(0), TEXTS.get(1)});
                assertNull(snippets[0]);
                assertNotNull(snippets[1]);
            }
        }
    }

    @Test
    void aHitWithoutDescriptionHasNoSnippet() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            String[] none = {null, null, null, null};
            index(dir, List.of(TEXTS.get(0), none), true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                CatalogHighlighter.Snippet[] snippets =
                        CatalogHighlighter.forQuery("Personen", false)
                                .snippets(reader, new int[] {1}, new String[][] {none});
                assertNotNull(snippets[0]);
                assertNull(snippets[0].html());
            }
        }
    }

    @Test
    void marksOnlyExactWordsWithoutTypoTolerance() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, TEXTS, true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                String[] t = TEXTS.get(2);
                // "energi" (from Energieverbrauch) is one edit from "energy"
                assertTrue(
                        CatalogHighlighter.forQuery("energy", true)
                                .snippet(t[0], null, null, null)
                                .contains("<mark>Stromverbrauch</mark>"));
                assertEquals(
                        "Forecasts the <mark>energy</mark> use of municipal buildings.",
                        CatalogHighlighter.forQuery("energy", false)
                                .snippets(reader, new int[] {2}, new String[][] {t})[0]
                                .html());
            }
        }
    }

    /**
     * One segment of the texts: stored, and (with {@code offsets}) the highlight-only fields as
     * {@link SnippetOffsetsBinder} writes them.
     */
    private static void index(Directory dir, List<String[]> texts, boolean offsets)
            throws IOException {
        Analyzer german = CatalogAnalyzers.german();
        Analyzer english = CatalogAnalyzers.english();
        IndexWriterConfig config =
                new IndexWriterConfig(english).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (String[] t : texts) {
                Document d = new Document();
                d.add(new StoredField("stored", "yes"));
                for (int i = 0; i < FIELDS.length; i++) {
                    if (t[i] != null && offsets) {
                        d.add(
                                new Field(
                                        FIELDS[i],
                                        SnippetOffsetsBinder.tokens(
                                                i % 2 == 0 ? german : english, FIELDS[i], t[i]),
                                        SnippetOffsetsBinder.TYPE));
                    }
                }
                writer.addDocument(d);
            }
        }
    }
}
