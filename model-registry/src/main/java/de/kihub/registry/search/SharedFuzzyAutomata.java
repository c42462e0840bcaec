package de.kihub.registry.search;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.QueryBuilder;

/**
 * Fuzzy queries that build the Levenshtein automata of a word once per search, not once per field,
 * and not at all when a recent search built them.
 *
 * <p>A typo-tolerant word is matched in nine fields (German and English names, tags, descriptions,
 * card texts, the slug), and Lucene's {@link FuzzyQuery} builds the automata of its term for each
 * field anew: for a word of ten or more letters (two edits) that takes 1-3 ms of CPU, so a two-word
 * query spent 20-50 ms building nine copies of the same two automata. The automata depend only on
 * the term, its edit distance and the fixed prefix, not on the field, so the queries made here hand
 * the first field's automata to the others: the query, its terms and scores stay exactly those of
 * {@code FuzzyQuery} (it is one, with the same defaults: 50 expansions, transpositions), only the
 * automata are not built again.
 *
 * <p>How: {@code FuzzyQuery} keeps its automata in an attribute of the rewrite's {@link
 * AttributeSource} and only builds them when that attribute is still empty (this is how Lucene
 * shares them between the segments of one index). Here the filled attribute of the first field is
 * remembered and a copy of it is put into the other fields' attribute sources before Lucene looks.
 * If a Lucene version stores the automata differently, nothing is shared and every field builds its
 * own, as before.
 *
 * <p>One instance per search. Besides, the automata of the most recently searched words are kept
 * for later searches ({@link Recent}: least recently used first out, at most about {@value
 * #RECENT_BYTES} bytes; a word of 15 letters with two edits takes about 300 KiB), since the same
 * words are searched again and again. Each search gets its own copy of the attribute; the automata
 * in it are immutable and safe to share between threads (Lucene shares them between the segments
 * and between concurrent searches of one query object likewise).
 */
final class SharedFuzzyAutomata {
    /** The attribute in which {@code FuzzyTermsEnum} keeps the automata (Lucene 9). */
    static final String AUTOMATON_ATTRIBUTE =
            "org.apache.lucene.search.FuzzyTermsEnum$AutomatonAttributeImpl";

    /** Budget of the automata kept between searches (estimated, see {@link #estimatedBytes}). */
    static final long RECENT_BYTES = 16L << 20;

    private static final Recent RECENT = new Recent(RECENT_BYTES);

    private final Map<String, AttributeImpl> built = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();

    /**
     * A query for {@code text} in {@code field} as Hibernate Search's fuzzy match predicate builds
     * it (the text analyzed with {@code analyzer}, one fuzzy term query per token, several tokens
     * joined with SHOULD, no token: a query that matches nothing), boosted like a field of a
     * multi-field predicate.
     */
    Query query(
            Analyzer analyzer,
            String field,
            String text,
            int maxEdits,
            int prefixLength,
            float boost) {
        QueryBuilder builder =
                new QueryBuilder(analyzer) {
                    @Override
                    protected Query newTermQuery(Term term, float termBoost) {
                        Query q = new Fuzzy(term, maxEdits, prefixLength);
                        return termBoost == 1f ? q : new BoostQuery(q, termBoost);
                    }
                };
        Query q = builder.createBooleanQuery(field, text);
        return new BoostQuery(
                q == null
                        ? new MatchNoDocsQuery("No tokens after analysis of the value to match")
                        : q,
                boost);
    }

    /** How many automata sets were remembered: one per word, edit distance and prefix. */
    int built() {
        return built.size();
    }

    /** How often a field took the automata of an earlier one instead of building them. */
    int reused() {
        return reused.get();
    }

    /**
     * A {@link FuzzyQuery} that takes its automata from an earlier field of the same search or from
     * a recent search, and otherwise leaves the ones it built for those.
     */
    final class Fuzzy extends FuzzyQuery {
        Fuzzy(Term term, int maxEdits, int prefixLength) {
            super(term, maxEdits, prefixLength);
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
            if (getMaxEdits() == 0) {
                return super.getTermsEnum(terms, atts);
            }
            String key = getMaxEdits() + "/" + getPrefixLength() + "/" + getTerm().text();
            AttributeImpl known = built.get(key);
            if (known == null) {
                known = RECENT.get(key);
                if (known != null) {
                    built.putIfAbsent(key, known);
                }
            }
            if (known != null && automata(atts) == null) {
                // a copy: it shares the (immutable) automata, not the attribute object
                atts.addAttributeImpl(known.clone());
                reused.incrementAndGet();
            }
            TermsEnum result = super.getTermsEnum(terms, atts);
            if (known == null) {
                AttributeImpl mine = automata(atts);
                if (mine != null) {
                    AttributeImpl copy = mine.clone();
                    built.putIfAbsent(key, copy);
                    RECENT.put(key, copy, estimatedBytes(getTerm().text(), getMaxEdits()));
                }
            }
            return result;
        }
    }

    private static AttributeImpl automata(AttributeSource atts) {
        Iterator<AttributeImpl> impls = atts.getAttributeImplsIterator();
        while (impls.hasNext()) {
            AttributeImpl impl = impls.next();
            if (impl.getClass().getName().equals(AUTOMATON_ATTRIBUTE)) {
                return impl;
            }
        }
        return null;
    }

    /**
     * About what the automata of a term take on the heap (measured with Lucene 9.11: per letter
     * some 20 KiB with two edits, 3 KiB with one), a little more to be safe.
     */
    static long estimatedBytes(String term, int maxEdits) {
        long letters = Math.max(1, term.codePointCount(0, term.length()));
        return letters * (maxEdits >= 2 ? 24 * 1024 : 4 * 1024);
    }

    /** The automata of recent searches, least recently used first out, within a byte budget. */
    static final class Recent {
        private final long budget;
        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        private record Entry(AttributeImpl automata, long bytes) {}

        Recent(long budget) {
            this.budget = budget;
        }

        synchronized AttributeImpl get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.automata();
        }

        synchronized void put(String key, AttributeImpl automata, long size) {
            if (size > budget) {
                return;
            }
            Entry old = entries.put(key, new Entry(automata, size));
            bytes += size - (old == null ? 0 : old.bytes());
            Iterator<Entry> eldest = entries.values().iterator();
            while (bytes > budget && eldest.hasNext()) {
                bytes -= eldest.next().bytes();
                eldest.remove();
            }
        }

        synchronized int size() {
            return entries.size();
        }
    }
}
