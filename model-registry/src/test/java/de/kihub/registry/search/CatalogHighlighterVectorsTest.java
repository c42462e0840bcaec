package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Snippets cut from the term vectors of indexed texts are exactly those cut from analysing the
 * texts again: for German and English texts with compounds, umlaut spellings, synonyms, stems,
 * typos and markup, and over several hits of one page (the vector terms are remembered per page);
 * card texts, which have no vectors, are analyzed.
 */
class CatalogHighlighterVectorsTest {
    static final List<String[]> TEXTS =
            List.of(
                    new String[] {
                        "Zählt Personen anonym in Kamerabildern am Stadion.",
                        "Counts people anonymously in camera frames at the stadium.",
                        null,
                        null
                    },
                    new String[] {
                        "Die Passantenzählung am Bahnhof misst Besucherströme.",
                        "Pedestrian counting at the station measures visitor flows.",
                        "Modellkarte: Fußgänger und Radfahrer werden gezählt; keine Bilder"
                                + " werden gespeichert.",
                        "Model card: footfall of pedestrians and cyclists, no images stored."
                    },
                    new String[] {
                        "Prognostiziert den Stromverbrauch von Gebäuden.",
                        "Forecasts the energy use of municipal buildings.",
                        "Der Stromverbrauch der Straßenbeleuchtung wird täglich geschätzt.",
                        null
                    },
                    new String[] {
                        "<script>alert('x')</script> Zählung & \"Auswertung\" <b>fett</b>",
                        null,
                        null,
                        "Counting & <i>evaluation</i>"
                    },
                    new String[] {
                        null,
                        null,
                        "Pegelstand Hochwasser Frühwarnung. ".repeat(30)
                                + "Der Pegelstand wird alle zehn Minuten gemessen.",
                        "Flood levels of rivers, measured every ten minutes. ".repeat(20)
                    },
                    new String[] {
                        "Verkehrszählung an Kreuzungen mit Kameras; Fahrzeuge und Fußgänger.",
                        "Traffic counts at junctions; vehicles and pedestrians.",
                        null,
                        null
                    });

    static final List<String> QUERIES =
            List.of(
                    "Personen",
                    "Zählung",
                    "zaehlung",
                    "fussgaenger",
                    "Fußgänger zählen",
                    "people counting",
                    "footfall",
                    "Stromverbruach",
                    "energy",
                    "Pegelstand Hochwasser",
                    "Besucherströme",
                    "\"Personen zählen\" -Fahrzeuge",
                    "counting",
                    "Quanten");

    static final String[] FIELDS = {
        CatalogFields.DESCRIPTION_DE,
        CatalogFields.DESCRIPTION_EN,
        CatalogFields.CARD_DE,
        CatalogFields.CARD_EN
    };

    @Test
    void cutsTheSameSnippetsFromTermVectorsAsFromAnalysis() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                TermVectors vectors = reader.termVectors();
                int compared = 0;
                for (String query : QUERIES) {
                    // one highlighter per query for all hits, as on a page
                    CatalogHighlighter page = CatalogHighlighter.forQuery(query);
                    for (int doc = 0; doc < TEXTS.size(); doc++) {
                        String[] t = TEXTS.get(doc);
                        Fields fields = vectors.get(doc);
                        for (int f = 0; f < 2; f++) {
                            if (t[f] != null) {
                                assertNotNull(fields, "the descriptions have term vectors");
                                assertTrue(fields.terms(FIELDS[f]).hasOffsets(), FIELDS[f]);
                            }
                        }
                        String expected =
                                CatalogHighlighter.forQuery(query).snippet(t[0], t[1], t[2], t[3]);
                        assertEquals(
                                expected,
                                page.snippet(fields, t[0], t[1], t[2], t[3]),
                                query + " in document " + doc);
                        compared++;
                    }
                }
                assertEquals(QUERIES.size() * TEXTS.size(), compared);
            }
        }
    }

    @Test
    void marksTheMatchesFromTheVectors() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                String[] t = TEXTS.get(1);
                String s =
                        CatalogHighlighter.forQuery("Zählung")
                                .snippet(reader.termVectors().get(1), t[0], t[1], t[2], t[3]);
                assertTrue(s.contains("zählung</mark>"), s);
            }
        }
    }

    @Test
    void analysesTextsIndexedWithoutVectors() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, false);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                String[] t = TEXTS.get(0);
                assertEquals(
                        "Zählt <mark>Personen</mark> anonym in Kamerabildern am Stadion.",
                        CatalogHighlighter.forQuery("Personen")
                                .snippet(reader.termVectors().get(0), t[0], t[1], t[2], t[3]));
            }
        }
    }

    private static FieldType type(boolean vectors) {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setStoreTermVectors(vectors);
        type.setStoreTermVectorOffsets(vectors);
        type.freeze();
        return type;
    }

    /** The texts, indexed with the mapping's analyzers, with or without term vectors. */
    private static void index(Directory dir, boolean vectors) throws IOException {
        Analyzer german = CatalogAnalyzers.german();
        Analyzer english = CatalogAnalyzers.english();
        Analyzer perField =
                new PerFieldAnalyzerWrapper(
                        english,
                        Map.of(
                                CatalogFields.DESCRIPTION_DE, german,
                                CatalogFields.CARD_DE, german));
        FieldType withVectors = type(vectors);
        FieldType withoutVectors = type(false);
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(perField))) {
            for (String[] texts : TEXTS) {
                Document d = new Document();
                for (int i = 0; i < FIELDS.length; i++) {
                    if (texts[i] != null) {
                        // as CatalogMapping: vectors for the descriptions, the cards are analyzed
                        d.add(new Field(FIELDS[i], texts[i], i < 2 ? withVectors : withoutVectors));
                    }
                }
                writer.addDocument(d);
            }
        }
    }
}
