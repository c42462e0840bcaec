package de.kihub.registry.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet values of every document of an index segment, as plain arrays of ordinals: read once
 * per segment from its doc values, so that counting a match is one array access per facet instead
 * of a doc-values lookup (which had to find the document in the segment's sparse/dense structures
 * for each of the six facets). What a segment holds never changes once it is written (deletions are
 * skipped by the search itself), so its arrays stay valid until it is closed, and are dropped then.
 * One byte per document and facet while a facet has fewer than 255 values in the segment, else an
 * int: 600 KB for 100,000 models.
 */
final class CatalogFacetOrdinals {
    private static final Map<IndexReader.CacheKey, CatalogFacetOrdinals> BY_SEGMENT =
            new ConcurrentHashMap<>();

    private final List<String> fields;

    /** Per facet: ordinal + 1 per document (0: no value); null where {@link #large} is used. */
    private final byte[][] small;

    private final int[][] large;

    private CatalogFacetOrdinals(List<String> fields, byte[][] small, int[][] large) {
        this.fields = fields;
        this.small = small;
        this.large = large;
    }

    /**
     * The ordinals of {@code fields} in {@code segment}, from the cache while the segment is open;
     * null if one of the fields has several values in a document of the segment (then the caller
     * reads the doc values itself).
     */
    static CatalogFacetOrdinals of(LeafReader segment, List<String> fields) throws IOException {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        if (core == null) {
            return read(segment, fields);
        }
        CatalogFacetOrdinals cached = BY_SEGMENT.get(core.getKey());
        if (cached == null) {
            cached = read(segment, fields);
            if (cached == null) {
                return null;
            }
            if (BY_SEGMENT.putIfAbsent(core.getKey(), cached) == null) {
                core.addClosedListener(BY_SEGMENT::remove);
            }
        }
        return cached.fields.equals(fields) ? cached : read(segment, fields);
    }

    private static CatalogFacetOrdinals read(LeafReader segment, List<String> fields)
            throws IOException {
        int n = fields.size();
        byte[][] small = new byte[n][];
        int[][] large = new int[n][];
        for (int f = 0; f < n; f++) {
            SortedDocValues values =
                    DocValues.unwrapSingleton(DocValues.getSortedSet(segment, fields.get(f)));
            if (values == null) {
                return null;
            }
            if (values.getValueCount() < 255) {
                small[f] = new byte[segment.maxDoc()];
            } else {
                large[f] = new int[segment.maxDoc()];
            }
            for (int doc = values.nextDoc();
                    doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = values.nextDoc()) {
                int slot = values.ordValue() + 1;
                if (small[f] != null) {
                    small[f][doc] = (byte) slot;
                } else {
                    large[f][doc] = slot;
                }
            }
        }
        return new CatalogFacetOrdinals(List.copyOf(fields), small, large);
    }

    /** Ordinal + 1 of the value of facet {@code f} in document {@code doc}, 0 if it has none. */
    int slot(int f, int doc) {
        byte[] s = small[f];
        return s != null ? s[doc] & 0xFF : large[f][doc];
    }

    /** How many segments have their ordinals cached (for tests). */
    static int cachedSegments() {
        return BY_SEGMENT.size();
    }
}
