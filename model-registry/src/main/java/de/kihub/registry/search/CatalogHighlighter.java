package de.kihub.registry.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Highlighted snippets without lucene-highlighter (which WildFly's Lucene module lacks): the query
 * and a hit's text are analyzed with the same chains as the index and the query, so a word is
 * marked exactly when it would match: compound parts, folded umlauts, synonyms, stems and the same
 * typo tolerance as {@link CatalogText}. The snippet is HTML: every character of the stored text is
 * escaped, and only the hub's own {@code <mark>} tags are markup.
 *
 * <p>A search whose hits matched without typo tolerance (most) gets its snippets from the
 * highlight-only postings ({@link #snippets}): the offsets of each query term in each hit, looked
 * up directly; only exact words are marked, as only they matched. A typo-tolerant search compares
 * the terms of the hits' term vectors (terms with their offsets, written by the same analyzers when
 * the model was indexed) with the query's, each distinct term once per page, and analyzes the card
 * texts, which have no vectors; so do hits from index segments written before the highlight-only
 * postings existed. Analysing the texts of every hit was a quarter of the CPU time of a search,
 * decoding the vectors still a fifth.
 */
final class CatalogHighlighter {
    /** Length of a snippet in characters of the original text (without the ellipses). */
    static final int SNIPPET = 200;

    /** Card texts can be long; matches further in are not looked for. */
    static final int MAX_ANALYZED = 50_000;

    static final String MARK = "<mark>";
    static final String END_MARK = "</mark>";
    static final String ELLIPSIS = "…";

    /** A query term and how many edits it tolerates. */
    private record Term(String text, int distance, int word) {}

    private record Span(int start, int end, int word) {}

    /** A candidate snippet source: the matches in one text. */
    private record Matches(String text, List<Span> spans, int words) {}

    private final List<Term> german;
    private final List<Term> english;

    /** The query word a term of a German or English vector matches (-1: none), per page. */
    private final Map<BytesRef, Integer> germanVectorTerms = new HashMap<>();

    private final Map<BytesRef, Integer> englishVectorTerms = new HashMap<>();

    private CatalogHighlighter(List<Term> german, List<Term> english) {
        this.german = german;
        this.english = english;
    }

    /** Prepares the query's terms once for all hits of a page; words within typo distance count. */
    static CatalogHighlighter forQuery(String query) {
        return forQuery(query, true);
    }

    /**
     * Prepares the query's terms once for all hits of a page; with {@code typos} false only exact
     * matches are marked (the hits were found without typo tolerance, and {@link #snippets} can
     * only find exact terms).
     */
    static CatalogHighlighter forQuery(String query, boolean typos) {
        List<String> words = words(query);
        return new CatalogHighlighter(
                terms(words, CatalogAnalyzers.Shared.GERMAN_QUERY, typos),
                terms(words, CatalogAnalyzers.Shared.ENGLISH_QUERY, typos));
    }

    /**
     * The best snippet: from the German or English description with the most query words, else from
     * the card text; without any match the start of the description, unmarked (null if there is
     * none).
     */
    String snippet(String descriptionDe, String descriptionEn, String cardDe, String cardEn) {
        String[] texts = {descriptionDe, descriptionEn, cardDe, cardEn};
        try {
            return cut(i -> find(texts[i], i % 2 == 0), descriptionDe, descriptionEn);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string reads no file
        }
    }

    /**
     * The same snippet as {@link #snippet(String, String, String, String)}, from the term vectors
     * of the hit's indexed texts ({@code vectors}: the document's, null if it has none); a text
     * whose field has no vector is analyzed.
     */
    String snippet(
            Fields vectors,
            String descriptionDe,
            String descriptionEn,
            String cardDe,
            String cardEn)
            throws IOException {
        String[] texts = {descriptionDe, descriptionEn, cardDe, cardEn};
        return cut(
                i -> find(vectors, TEXT_FIELDS[i], texts[i], i % 2 == 0),
                descriptionDe,
                descriptionEn);
    }

    /** The indexed fields of a hit's texts, in the order {@link TextMatches} numbers them. */
    private static final String[] TEXT_FIELDS = {
        CatalogFields.DESCRIPTION_DE,
        CatalogFields.DESCRIPTION_EN,
        CatalogFields.CARD_DE,
        CatalogFields.CARD_EN
    };

    /**
     * The query's matches in one of a hit's texts: 0 German description, 1 English description, 2
     * German card, 3 English card; null for none.
     */
    private interface TextMatches {
        Matches find(int text) throws IOException;
    }

    /**
     * The snippet rule, whichever way the matches are found: from the German or English description
     * with the most query words, else from the card text (only then looked at); without any match
     * the start of the description, unmarked (null if there is none).
     */
    private static String cut(TextMatches in, String descriptionDe, String descriptionEn)
            throws IOException {
        Matches best = better(in.find(0), in.find(1));
        if (best == null) {
            best = better(in.find(2), in.find(3));
        }
        if (best != null) {
            return render(best.text(), best.spans());
        }
        String start = descriptionDe != null ? descriptionDe : descriptionEn;
        return start == null ? null : render(start, List.of());
    }

    /**
     * The snippets of a page of hits from the highlight-only postings ({@link
     * SnippetOffsetsBinder}): for each query term one postings lookup per field and hit, in the
     * order of the documents. Only exact matches of the query's terms are marked, so this is for
     * searches whose hits matched without typo tolerance (a highlighter made with {@code typos}
     * false). {@code texts[i]} are hit {@code i}'s German and English description and card; {@code
     * docs[i]} its document in {@code reader}. A hit in a segment indexed before those fields
     * existed gets null: its snippet comes from {@link #snippet(Fields, String, String, String,
     * String)}.
     */
    Snippet[] snippets(IndexReader reader, int[] docs, String[][] texts) throws IOException {
        Snippet[] snippets = new Snippet[docs.length];
        Integer[] order = new Integer[docs.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> leaves = reader.leaves();
        int leafIndex = -1;
        SegmentPostings segment = null;
        for (int i : order) {
            int leaf = ReaderUtil.subIndex(docs[i], leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                segment = SegmentPostings.of(leaves.get(leaf).reader(), german, english);
            }
            if (segment == null) {
                continue;
            }
            int doc = docs[i] - leaves.get(leaf).docBase;
            String[] t = texts[i];
            SegmentPostings in = segment;
            snippets[i] = new Snippet(cut(f -> in.find(f, doc, t[f]), t[0], t[1]));
        }
        return snippets;
    }

    /** A hit's snippet as HTML (null: the hit has no description). */
    record Snippet(String html) {}

    /**
     * The postings of the query's terms in one segment's highlight-only fields (German description,
     * English description, German card, English card), advanced document by document.
     */
    private static final class SegmentPostings {
        /** In the order {@link TextMatches} numbers the texts. */
        static final String[] FIELDS = {
            CatalogFields.SNIPPET_DESCRIPTION_DE,
            CatalogFields.SNIPPET_DESCRIPTION_EN,
            CatalogFields.SNIPPET_CARD_DE,
            CatalogFields.SNIPPET_CARD_EN
        };

        /**
         * Per field, the postings of each distinct query term found in it, and that term's word.
         */
        private final PostingsEnum[][] postings = new PostingsEnum[FIELDS.length][];

        private final int[][] words = new int[FIELDS.length][];

        /** The segment's postings, or null if it has no highlight-only fields with offsets. */
        static SegmentPostings of(LeafReader reader, List<Term> german, List<Term> english)
                throws IOException {
            SegmentPostings s = new SegmentPostings();
            boolean any = false;
            for (int f = 0; f < FIELDS.length; f++) {
                FieldInfo info = reader.getFieldInfos().fieldInfo(FIELDS[f]);
                if (info != null
                        && info.getIndexOptions()
                                != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
                    return null;
                }
                any |= info != null;
                Terms terms = info == null ? null : reader.terms(FIELDS[f]);
                List<PostingsEnum> found = new ArrayList<>();
                List<Integer> foundWords = new ArrayList<>();
                if (terms != null) {
                    TermsEnum each = terms.iterator();
                    Set<String> seen = new HashSet<>();
                    for (Term t : f % 2 == 0 ? german : english) {
                        if (seen.add(t.text()) && each.seekExact(new BytesRef(t.text()))) {
                            found.add(each.postings(null, PostingsEnum.OFFSETS));
                            foundWords.add(t.word());
                        }
                    }
                }
                s.postings[f] = found.toArray(PostingsEnum[]::new);
                s.words[f] = foundWords.stream().mapToInt(Integer::intValue).toArray();
            }
            // a segment written before these fields existed has none of them
            return any ? s : null;
        }

        /** The matches of the query's terms in field {@code f} of {@code doc} (increasing). */
        Matches find(int f, int doc, String text) throws IOException {
            if (text == null || text.isBlank()) {
                return null;
            }
            List<Span> spans = new ArrayList<>();
            for (int p = 0; p < postings[f].length; p++) {
                PostingsEnum occurrences = postings[f][p];
                if (occurrences.docID() < doc) {
                    occurrences.advance(doc);
                }
                if (occurrences.docID() != doc) {
                    continue;
                }
                for (int i = occurrences.freq(); i > 0; i--) {
                    occurrences.nextPosition();
                    int start = occurrences.startOffset();
                    int end = occurrences.endOffset();
                    if (start >= 0 && end > start && end <= text.length()) {
                        spans.add(new Span(start, end, words[f][p]));
                    }
                }
            }
            return matches(text, spans);
        }
    }

    private Matches find(Fields vectors, String field, String text, boolean isGerman)
            throws IOException {
        Terms vector = vectors == null ? null : vectors.terms(field);
        if (vector == null || !vector.hasOffsets()) {
            return find(text, isGerman);
        }
        List<Term> terms = isGerman ? german : english;
        if (text == null || text.isBlank() || terms.isEmpty()) {
            return null;
        }
        Map<BytesRef, Integer> memo = isGerman ? germanVectorTerms : englishVectorTerms;
        List<Span> spans = new ArrayList<>();
        TermsEnum each = vector.iterator();
        PostingsEnum occurrences = null;
        for (BytesRef t = each.next(); t != null; t = each.next()) {
            Integer word = memo.get(t);
            if (word == null) {
                word = matchingWord(terms, t.utf8ToString());
                memo.put(BytesRef.deepCopyOf(t), word);
            }
            if (word < 0) {
                continue;
            }
            occurrences = each.postings(occurrences, PostingsEnum.OFFSETS);
            occurrences.nextDoc();
            for (int i = occurrences.freq(); i > 0; i--) {
                occurrences.nextPosition();
                int start = occurrences.startOffset();
                int end = occurrences.endOffset();
                if (start >= 0 && end > start && end <= text.length()) {
                    spans.add(new Span(start, end, word));
                }
            }
        }
        return matches(text, spans);
    }

    /** The words of the query without its syntax; excluded ("-word") words are not marked. */
    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        for (String raw : query.split("\\s+")) {
            if (raw.startsWith("-")) {
                continue;
            }
            String word = raw.replaceAll("[\"+|*()~]", "").strip();
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<Term> terms(List<String> words, Analyzer analyzer, boolean typos) {
        List<Term> terms = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int distance =
                    !typos
                            ? 0
                            : word.length() >= CatalogText.FUZZY_TWO_MIN_LENGTH
                                    ? 2
                                    : word.length() >= CatalogText.FUZZY_MIN_LENGTH ? 1 : 0;
            for (String t : WordLists.terms(analyzer, word)) {
                terms.add(new Term(t, distance, w));
            }
        }
        return terms;
    }

    private Matches find(String text, boolean isGerman) {
        List<Term> terms = isGerman ? german : english;
        if (text == null || text.isBlank() || terms.isEmpty()) {
            return null;
        }
        Analyzer analyzer =
                isGerman ? CatalogAnalyzers.Shared.GERMAN : CatalogAnalyzers.Shared.ENGLISH;
        String analyzed = text.length() <= MAX_ANALYZED ? text : text.substring(0, MAX_ANALYZED);
        List<Span> spans = new ArrayList<>();
        Map<String, Integer> memo = new HashMap<>();
        try (TokenStream ts = analyzer.tokenStream("", analyzed)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int word = memo.computeIfAbsent(term.toString(), t -> matchingWord(terms, t));
                if (word >= 0) {
                    spans.add(new Span(offset.startOffset(), offset.endOffset(), word));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches(text, spans);
    }

    private static Matches matches(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return null;
        }
        Set<Integer> words = new HashSet<>();
        spans.forEach(s -> words.add(s.word()));
        return new Matches(text, merge(spans), words.size());
    }

    /** The query word a text term matches, exactly or within its edit distance; -1 if none. */
    private static int matchingWord(List<Term> terms, String token) {
        for (Term t : terms) {
            if (t.text().equals(token)) {
                return t.word();
            }
        }
        for (Term t : terms) {
            if (t.distance() > 0
                    && !token.isEmpty()
                    && token.charAt(0) == t.text().charAt(0)
                    && withinDistance(t.text(), token, t.distance())) {
                return t.word();
            }
        }
        return -1;
    }

    private static Matches better(Matches a, Matches b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.words() != b.words()) {
            return a.words() > b.words() ? a : b;
        }
        return b.spans().size() > a.spans().size() ? b : a;
    }

    /** Sorted spans with overlaps joined (compound parts and synonyms share their offsets). */
    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((x, y) -> x.start() != y.start() ? x.start() - y.start() : y.end() - x.end());
        List<Span> merged = new ArrayList<>();
        for (Span s : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s.start() < last.end()) {
                merged.set(
                        merged.size() - 1,
                        new Span(last.start(), Math.max(last.end(), s.end()), last.word()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /**
     * About {@link #SNIPPET} characters around the window with the most matches, cut at word
     * boundaries, escaped, matches marked, white space collapsed.
     */
    static String render(String text, List<Span> spans) {
        int from = 0;
        int last = 0;
        int bestCount = 0;
        for (int i = 0; i < spans.size(); i++) {
            int count = 0;
            int end = spans.get(i).end();
            for (int j = i; j < spans.size(); j++) {
                if (spans.get(j).end() - spans.get(i).start() > SNIPPET) {
                    break;
                }
                count++;
                end = spans.get(j).end();
            }
            if (count > bestCount) {
                bestCount = count;
                from = spans.get(i).start();
                last = end;
            }
        }
        int start = Math.max(0, from - Math.max(0, SNIPPET - (last - from)) / 2);
        int stop = Math.min(text.length(), start + SNIPPET);
        start = Math.max(0, Math.min(start, stop - SNIPPET));
        // whole words only, without losing a match
        if (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            int next = nextWhitespace(text, start);
            start = next < 0 || next >= from && bestCount > 0 ? start : next + 1;
        }
        if (stop < text.length() && !Character.isWhitespace(text.charAt(stop))) {
            int previous = previousWhitespace(text, stop);
            stop = previous <= start || previous < last ? stop : previous;
        }
        StringBuilder out = new StringBuilder(SNIPPET + 64);
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        int at = start;
        for (Span s : spans) {
            if (s.start() < start || s.end() > stop) {
                continue;
            }
            escape(text, at, s.start(), out);
            out.append(MARK);
            escape(text, s.start(), s.end(), out);
            out.append(END_MARK);
            at = s.end();
        }
        escape(text, at, stop, out);
        if (stop < text.length()) {
            out.append(ELLIPSIS);
        }
        return out.toString().strip();
    }

    private static int nextWhitespace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int previousWhitespace(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Appends {@code text[from, to)} as HTML text: escaped, runs of white space as one space. */
    static void escape(String text, int from, int to, StringBuilder out) {
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
    }

    /** Whether two terms differ by at most {@code max} insertions, deletions or substitutions. */
    static boolean withinDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= max;
    }
}
