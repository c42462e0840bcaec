package de.kihub.registry.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers of the catalog's text fields, as plain Lucene chains.
 *
 * <p>Synonyms are expanded when indexing, not in the query: the query parser splits the input at
 * whitespace, so multi-word synonyms ("people counting" = "footfall") would never fire at query
 * time. The price is a re-index after the synonym list changes.
 *
 * <p>German compounds are split with a dictionary of domain word parts rather than edge n-grams:
 * n-grams only match prefixes ("Passanten..."), but the searched part of a German compound is
 * usually its end ("...zählung"); a dictionary also keeps the index small and the scores sharp.
 * Splitting happens only when indexing, so that a compound in the query stays precise.
 *
 * <p>Suggestions as you type are the one place for edge n-grams: there the typed word is a prefix
 * by definition ("Perso" -> "Personenzählung").
 */
final class CatalogAnalyzers {
    static final String GERMAN = "kihub_german";
    static final String GERMAN_QUERY = "kihub_german_query";
    static final String ENGLISH = "kihub_english";
    static final String ENGLISH_QUERY = "kihub_english_query";
    static final String SUGGEST = "kihub_suggest";
    static final String SUGGEST_QUERY = "kihub_suggest_query";

    /** Longest indexed prefix; longer words are still found when typed in full. */
    static final int MAX_PREFIX = 30;

    private CatalogAnalyzers() {}

    /**
     * One instance of each text chain for the search's own analysis (queries, snippets,
     * highlight-only fields), built on first use: building reads the synonym and compound lists.
     * Lucene analyzers are thread-safe; each token stream is consumed before the next is taken.
     */
    static final class Shared {
        static final Analyzer GERMAN = german();
        static final Analyzer GERMAN_QUERY = germanQuery();
        static final Analyzer ENGLISH = english();
        static final Analyzer ENGLISH_QUERY = englishQuery();

        private Shared() {}
    }

    /** Lower-case and fold German spellings: ä/ae -> a, ß -> ss, then other diacritics. */
    static Analyzer germanFolding() {
        return chain(false, null, null, false);
    }

    static Analyzer german() {
        Analyzer folding = germanFolding();
        return chain(
                false,
                WordLists.synonyms("synonyms-de.txt", folding),
                WordLists.words("compound-words-de.txt", folding),
                true);
    }

    static Analyzer germanQuery() {
        return chain(false, null, null, true);
    }

    static Analyzer english() {
        return chain(true, WordLists.synonyms("synonyms-en.txt", englishFolding()), null, true);
    }

    static Analyzer englishQuery() {
        return chain(true, null, null, true);
    }

    static Analyzer englishFolding() {
        return chain(true, null, null, false);
    }

    /** Every prefix of every folded word (German folding, so "zae" finds "Zählung"). */
    static Analyzer suggest() {
        return prefixes(true);
    }

    /** The typed words, folded like {@link #suggest()} but not cut into prefixes. */
    static Analyzer suggestQuery() {
        return prefixes(false);
    }

    private static Analyzer prefixes(boolean edges) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = fold(false, source);
                if (edges) {
                    ts = new EdgeNGramTokenFilter(ts, 1, MAX_PREFIX, true);
                }
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return fold(false, in);
            }
        };
    }

    private static Analyzer chain(
            boolean english, SynonymMap synonyms, CharArraySet compoundParts, boolean stem) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = english ? new EnglishPossessiveFilter(source) : source;
                ts = fold(english, ts);
                if (synonyms != null) {
                    ts = new FlattenGraphFilter(new SynonymGraphFilter(ts, synonyms, true));
                }
                if (compoundParts != null) {
                    // parts of at least 4 letters; all parts, not only the longest ("zähl" and
                    // "zählung")
                    ts = new DictionaryCompoundWordTokenFilter(ts, compoundParts, 5, 4, 20, false);
                }
                if (stem) {
                    ts = english ? new PorterStemFilter(ts) : new GermanLightStemFilter(ts);
                }
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(ts));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return fold(english, in);
            }
        };
    }

    private static TokenStream fold(boolean english, TokenStream in) {
        TokenStream ts = new LowerCaseFilter(in);
        if (!english) {
            ts = new GermanNormalizationFilter(ts);
        }
        return new ASCIIFoldingFilter(ts);
    }
}
