package de.kihub.registry.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;

/**
 * A highlight-only copy of a text field ({@link CatalogFields#SNIPPET_OFFSETS}): the same analyzed
 * terms, with their character offsets in the postings, so that a snippet finds where a query term
 * occurs in a hit with one postings lookup per term instead of decoding the hit's term vectors or
 * analysing its text again ({@link CatalogHighlighter#snippets}). Not searched, not scored, no
 * norms, nothing stored; Hibernate Search's own text fields index no offsets, hence a native Lucene
 * field.
 *
 * <p>The text is analyzed when the document is built, on the thread that builds it, and handed to
 * Lucene as the finished list of tokens: the index writer may consume the field on another thread,
 * after the analyzer has moved on to the next document. Offsets that would go backwards (which
 * Lucene refuses in postings) are held at the previous token's start.
 */
final class SnippetOffsetsBinder implements PropertyBinder {
    static final FieldType TYPE = type();

    private final String field;
    private final boolean german;

    SnippetOffsetsBinder(String field, boolean german) {
        this.field = field;
        this.german = german;
    }

    @Override
    public void bind(PropertyBindingContext context) {
        context.dependencies().useRootOnly();
        IndexFieldReference<String> reference =
                context.indexSchemaElement()
                        .field(
                                field,
                                f ->
                                        f.extension(LuceneExtension.get())
                                                .asNative(String.class, this::contribute))
                        .toReference();
        context.bridge(
                String.class,
                (PropertyBridge<String>)
                        (target, text, ctx) -> {
                            if (text != null && !text.isBlank()) {
                                target.addValue(reference, text);
                            }
                        });
    }

    /** The Lucene field of one text: its tokens with offsets, nothing stored. */
    private void contribute(String path, String text, Consumer<IndexableField> collector) {
        Analyzer analyzer =
                german ? CatalogAnalyzers.Shared.GERMAN : CatalogAnalyzers.Shared.ENGLISH;
        collector.accept(new Field(path, tokens(analyzer, path, text), TYPE));
    }

    private static FieldType type() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** The analyzed text as a finished token list, replayed to the index writer. */
    static TokenStream tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment =
                    ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int lastStart = 0;
            boolean first = true;
            while (ts.incrementToken()) {
                int start = Math.max(lastStart, offset.startOffset());
                int end = Math.max(start, offset.endOffset());
                int positionIncrement =
                        first
                                ? Math.max(1, increment.getPositionIncrement())
                                : increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), positionIncrement, start, end));
                lastStart = start;
                first = false;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Replay(tokens);
    }

    private record Token(String term, int positionIncrement, int start, int end) {}

    /** Replays a token list: terms, position increments and offsets. */
    private static final class Replay extends TokenStream {
        private final List<Token> tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment =
                addAttribute(PositionIncrementAttribute.class);
        private int next;

        Replay(List<Token> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.size()) {
                return false;
            }
            clearAttributes();
            Token t = tokens.get(next++);
            term.setEmpty().append(t.term());
            offset.setOffset(t.start(), t.end());
            increment.setPositionIncrement(t.positionIncrement());
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
