package de.kihub.registry.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The maintained word lists (synonyms, compound parts) next to this class. They are written
 * naturally and folded here with the same filters as the indexed text, so editors never write
 * "zahlung" for "Zählung".
 */
final class WordLists {
    private WordLists() {}

    static SynonymMap synonyms(String resource, Analyzer folding) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, folding);
        try (Reader in = new StringReader(read(resource))) {
            parser.parse(in);
            return parser.build();
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("Cannot read the synonym list " + resource, e);
        }
    }

    /** One word per line; each is folded to a single term. */
    static CharArraySet words(String resource, Analyzer folding) {
        List<String> folded = new ArrayList<>();
        for (String line : read(resource).lines().toList()) {
            String word = line.strip();
            if (!word.isEmpty()) {
                folded.addAll(terms(folding, word));
            }
        }
        return new CharArraySet(folded, true);
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The resource without comment lines. */
    private static String read(String resource) {
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing word list " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
