package de.kihub.registry.search;

import de.kihub.registry.access.Actor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * Where an in-process catalog search spends its time, phase by phase, on one thread against a copy
 * of a real index (run by deploy/bench/search-phases): building the query, the top 20 alone, the
 * facets alone (what a second pass for them would cost), the one pass of top 20 and facets as
 * CatalogSearch runs it, the same pass with the facets counted from the doc values (how
 * CatalogFacetCounts counted before CatalogFacetOrdinals), reading the stored fields, the term
 * vectors, the snippets from them (the typo-tolerant way), from analysing the texts again, and from
 * the highlight-only postings (the exact way). Means over the second half of the rounds (the first
 * half warms the JIT). Anonymous visibility, relevance order, page 1.
 */
public class CatalogSearchPhases {
    static final String[] TEXTS = {
        "Personenzählung", "Passantenzählung", "Besucherströme zählen", "people counting",
        "Fußgänger", "detection", "traffic count", "Erkennung", "zählen", "Zähler", "forecast",
        "Parkplatz", "Müllabfuhr", "Baumkataster", "Schlaglöcher", "zaehlung", "Verkehrszählung",
        "noise map", "Hochwasser", "Radverkehr", "Energieverbrauch", "Luftqualität",
        "Personenzaehlung", "counting people stadium", "Personenzählng", "trafic",
        "Sitzungsprotokoll", "solar", "Kita", "Rettungsdienst"
    };

    static final String[] PHASES = {
        "query", "top 20 alone", "facets alone", "top 20 + facets (ordinals)", "top 20 + facets (doc values)",
        "stored fields", "term vectors", "snippets from vectors", "snippets analyzed (no vectors)",
        "snippets from postings (exact)"
    };

    @SuppressWarnings("deprecation") // search(Query, Collector), as CatalogSearch does
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: CatalogSearchPhases INDEX_DIR [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Query visible = CatalogVisibility.filter(Actor.ANONYMOUS, Set.of());
        Sort sort =
                new Sort(
                        SortField.FIELD_SCORE,
                        new SortedNumericSortField(
                                CatalogFields.UPDATED_AT, SortField.Type.LONG, true),
                        new SortedSetSortField(CatalogFields.NAME, false));
        long[] nanos = new long[PHASES.length];
        long searches = 0;
        long matches = 0;
        try (var dir = FSDirectory.open(Path.of(args[0]));
                var reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int round = 0; round < rounds; round++) {
                boolean measured = round >= rounds / 2;
                for (String text : TEXTS) {
                    long[] t = new long[PHASES.length + 1];
                    t[0] = System.nanoTime();
                    Query where =
                            new BooleanQuery.Builder()
                                    .add(CatalogText.exactQuery(text), Occur.MUST)
                                    .add(visible, Occur.FILTER)
                                    .build();
                    t[1] = System.nanoTime();
                    searcher.search(where, top(sort));
                    t[2] = System.nanoTime();
                    CatalogFacetCounts alone = new CatalogFacetCounts(CatalogSearch.FACETS);
                    searcher.search(where, alone);
                    alone.facets();
                    t[3] = System.nanoTime();
                    TopFieldCollector top = top(sort);
                    CatalogFacetCounts facets = new CatalogFacetCounts(CatalogSearch.FACETS);
                    searcher.search(where, MultiCollector.wrap(top, facets));
                    facets.facets();
                    t[4] = System.nanoTime();
                    DocValuesFacets old = new DocValuesFacets(CatalogSearch.FACETS.values());
                    searcher.search(where, MultiCollector.wrap(top(sort), old));
                    t[5] = System.nanoTime();
                    ScoreDoc[] hits = top.topDocs(0, 20).scoreDocs;
                    CatalogHighlighter highlighter = CatalogHighlighter.forQuery(text);
                    StoredFields stored = reader.storedFields();
                    List<Document> documents = new ArrayList<>();
                    for (ScoreDoc hit : hits) {
                        documents.add(stored.document(hit.doc));
                    }
                    t[6] = System.nanoTime();
                    TermVectors vectors = reader.termVectors();
                    List<Fields> fields = new ArrayList<>();
                    for (ScoreDoc hit : hits) {
                        fields.add(vectors.get(hit.doc));
                    }
                    t[7] = System.nanoTime();
                    for (int i = 0; i < hits.length; i++) {
                        Document d = documents.get(i);
                        highlighter.snippet(
                                fields.get(i),
                                d.get(CatalogFields.DESCRIPTION_DE),
                                d.get(CatalogFields.DESCRIPTION_EN),
                                d.get(CatalogFields.CARD_DE),
                                d.get(CatalogFields.CARD_EN));
                    }
                    t[8] = System.nanoTime();
                    CatalogHighlighter analyzing = CatalogHighlighter.forQuery(text);
                    for (int i = 0; i < hits.length; i++) {
                        Document d = documents.get(i);
                        analyzing.snippet(
                                d.get(CatalogFields.DESCRIPTION_DE),
                                d.get(CatalogFields.DESCRIPTION_EN),
                                d.get(CatalogFields.CARD_DE),
                                d.get(CatalogFields.CARD_EN));
                    }
                    t[9] = System.nanoTime();
                    int[] docs = new int[hits.length];
                    String[][] texts = new String[hits.length][];
                    for (int i = 0; i < hits.length; i++) {
                        docs[i] = hits[i].doc;
                        texts[i] = CatalogDocuments.snippetTexts(documents.get(i));
                    }
                    CatalogHighlighter.forQuery(text, false).snippets(reader, docs, texts);
                    t[10] = System.nanoTime();
                    if (measured) {
                        for (int p = 0; p < PHASES.length; p++) {
                            nanos[p] += t[p + 1] - t[p];
                        }
                        searches++;
                        matches += facets.total();
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "index %s: %d documents in %d segment(s); %d searches measured (%d texts x %d"
                            + " rounds), %.0f matches per search on average%n",
                    args[0],
                    reader.maxDoc(),
                    reader.leaves().size(),
                    searches,
                    TEXTS.length,
                    rounds - rounds / 2,
                    (double) matches / searches);
        }
        System.out.println("| phase | mean ms per search |");
        System.out.println("|---|---|");
        for (int p = 0; p < PHASES.length; p++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f |%n", PHASES[p], nanos[p] / 1e6 / searches);
        }
    }

    private static TopFieldCollector top(Sort sort) {
        return new TopFieldCollectorManager(sort, 20, null, 20, false).newCollector();
    }

    /** The facet counting before CatalogFacetOrdinals: a doc-values lookup per match and facet. */
    private static final class DocValuesFacets implements Collector {
        private final List<String> fields;
        private final Map<String, long[]> counts = new TreeMap<>();

        DocValuesFacets(java.util.Collection<String> fields) {
            this.fields = List.copyOf(fields);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
            long[][] slots = new long[fields.size()][];
            for (int f = 0; f < values.length; f++) {
                values[f] = DocValues.getSortedSet(context.reader(), fields.get(f));
                slots[f] = new long[(int) values[f].getValueCount()];
                counts.put(fields.get(f) + "@" + context.ord, slots[f]);
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    for (int f = 0; f < values.length; f++) {
                        if (values[f].advanceExact(doc)) {
                            for (int i = values[f].docValueCount(); i > 0; i--) {
                                slots[f][(int) values[f].nextOrd()]++;
                            }
                        }
                    }
                }
            };
        }
    }
}
