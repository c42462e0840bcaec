package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The one-pass facet counts give what Hibernate Search's terms aggregations gave: per facet the
 * values of the matches (a multi-valued document once per value), most first, then by value, over
 * several segments, and only the matches' values.
 */
class CatalogFacetCountsTest {
    static final Map<String, String> FACETS = Map.of("task", "task", "tag", "tags");

    @Test
    void countsTheMatchesPerValueOverSegmentsMostFirstThenByValue() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(
                    dir,
                    List.of(
                            List.of("a", "counting", "x", "y"),
                            List.of("a", "parking", "y"),
                            List.of("b", "counting"),
                            List.of("b", "counting", "x", "x2")),
                    List.of(List.of("b", "parking", "y"), List.of("a", "trees")));
            Counted all = count(dir, new MatchAllDocsQuery());
            assertEquals(6, all.total());
            Map<String, Map<String, Long>> facets = all.facets();
            assertEquals(List.of("tag", "task"), new ArrayList<>(facets.keySet()));
            assertEquals(
                    List.of(
                            Map.entry("counting", 3L),
                            Map.entry("parking", 2L),
                            Map.entry("trees", 1L)),
                    new ArrayList<>(facets.get("task").entrySet()));
            assertEquals(
                    List.of(Map.entry("y", 3L), Map.entry("x", 2L), Map.entry("x2", 1L)),
                    new ArrayList<>(facets.get("tag").entrySet()));

            Counted owned = count(dir, new TermQuery(new Term("owner", "b")));
            assertEquals(3, owned.total());
            assertEquals(Map.of("counting", 2L, "parking", 1L), owned.facets().get("task"));
            assertEquals(Map.of("x", 1L, "x2", 1L, "y", 1L), owned.facets().get("tag"));

            Counted none = count(dir, new TermQuery(new Term("owner", "nobody")));
            assertEquals(0, none.total());
            assertEquals(Map.of(), none.facets().get("task"));
        }
    }

    @Test
    void readsTheOrdinalsOfASegmentOnceAndDropsThemWithTheSegment() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            // 300 distinct tasks: more than a byte per document holds; one document without a task
            List<List<String>> many = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                many.add(List.of(i % 2 == 0 ? "a" : "b", String.format("task-%03d", i), "t"));
            }
            many.add(List.of("a", "", "t"));
            index(dir, many);
            int before = CatalogFacetOrdinals.cachedSegments();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                var segment = reader.leaves().get(0).reader();
                CatalogFacetOrdinals first =
                        CatalogFacetOrdinals.of(segment, List.of("tags", "task"));
                assertSame(first, CatalogFacetOrdinals.of(segment, List.of("tags", "task")));
                assertEquals(before + 1, CatalogFacetOrdinals.cachedSegments());
                assertEquals(0, first.slot(1, 300)); // no task
                assertEquals(1, first.slot(0, 300)); // the only tag, ordinal 0

                CatalogFacetCounts counts = new CatalogFacetCounts(FACETS);
                count(reader, new TermQuery(new Term("owner", "b")), counts);
                assertEquals(150, counts.total());
                Map<String, Long> tasks = counts.facets().get("task");
                assertEquals(CatalogFacetCounts.MAX_VALUES, tasks.size());
                assertEquals(Map.entry("task-001", 1L), tasks.entrySet().iterator().next());
                assertEquals(Map.of("t", 150L), counts.facets().get("tag"));
            }
            assertEquals(before, CatalogFacetOrdinals.cachedSegments());
        }
    }

    @Test
    void aFacetWithSeveralValuesInADocumentIsCountedFromItsDocValues() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, List.of(List.of("a", "counting", "x", "y"), List.of("a", "counting")));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                var segment = reader.leaves().get(0).reader();
                assertNull(CatalogFacetOrdinals.of(segment, List.of("tags", "task")));
                CatalogFacetCounts counts = new CatalogFacetCounts(FACETS);
                count(reader, new MatchAllDocsQuery(), counts);
                assertEquals(Map.of("x", 1L, "y", 1L), counts.facets().get("tag"));
                assertEquals(Map.of("counting", 2L), counts.facets().get("task"));
            }
        }
    }

    private record Counted(long total, Map<String, Map<String, Long>> facets) {}

    private static Counted count(Directory dir, Query query) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            CatalogFacetCounts counts = new CatalogFacetCounts(FACETS);
            count(reader, query, counts);
            // the ordinals are turned into values while the reader is open
            return new Counted(counts.total(), counts.facets());
        }
    }

    @SuppressWarnings("deprecation") // search(Query, Collector), as CatalogSearch does
    private static void count(DirectoryReader reader, Query query, CatalogFacetCounts counts)
            throws IOException {
        new IndexSearcher(reader).search(query, counts);
    }

    /** Documents of owner, task and tags, each list of documents one segment. */
    @SafeVarargs
    private static void index(Directory dir, List<List<String>>... segments) throws IOException {
        try (IndexWriter w =
                new IndexWriter(
                        dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (List<List<String>> segment : segments) {
                for (List<String> model : segment) {
                    Document d = new Document();
                    d.add(new StringField("owner", model.get(0), StringField.Store.NO));
                    if (!model.get(1).isEmpty()) {
                        d.add(new SortedSetDocValuesField("task", new BytesRef(model.get(1))));
                    }
                    for (String tag : model.subList(2, model.size())) {
                        d.add(new SortedSetDocValuesField("tags", new BytesRef(tag)));
                    }
                    w.addDocument(d);
                }
                w.commit();
            }
        }
    }
}
