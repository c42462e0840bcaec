package de.kihub.registry.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.model.LocalizedText;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardCompletenessTest {

    @Test
    void countsSectionsWithMeaningfulTextPerLanguageAndInBoth() {
        Map<CardSection, LocalizedText> sections = new EnumMap<>(CardSection.class);
        sections.put(
                CardSection.INTENDED_USE,
                new LocalizedText("Besucherströme zählen", "Counting visitor flows"));
        sections.put(
                CardSection.TRAINING_DATA,
                new LocalizedText("COCO 2017, Klasse Person unter 80 Klassen", null));
        sections.put(CardSection.METRICS, new LocalizedText("TODO", "n/a"));
        sections.put(
                CardSection.FACTORS,
                new LocalizedText("--------------------------", "**** ____ **** ____ ****"));

        CardCompleteness c = CardCompleteness.of(sections);

        assertEquals(1.0 / 9, c.overall(), 1e-9);
        assertEquals(2.0 / 9, c.de().score(), 1e-9);
        assertEquals(1.0 / 9, c.en().score(), 1e-9);
        assertFalse(c.missing().contains(CardSection.INTENDED_USE));
        assertTrue(c.missing().contains(CardSection.TRAINING_DATA), "English is missing");
        assertFalse(c.de().missing().contains(CardSection.TRAINING_DATA));
        assertTrue(c.en().missing().contains(CardSection.TRAINING_DATA));
        assertTrue(c.de().missing().contains(CardSection.METRICS), "a placeholder is not text");
        assertTrue(c.de().missing().contains(CardSection.FACTORS), "punctuation is not text");
        assertEquals(8, c.missing().size());
        assertEquals(CardSection.MODEL_DETAILS, c.missing().get(0), "listed in card order");
        assertEquals(c.en(), c.language("EN"));
    }

    @Test
    void markupAndHtmlDoNotMakeTextLonger() {
        assertFalse(CardCompleteness.meaningful("# **Kurz**"));
        assertFalse(CardCompleteness.meaningful("<div>ausreichend lang aber HTML</div>"));
        assertFalse(
                CardCompleteness.meaningful("<!-- hier kommt noch ein langer Text hin --> kurz"));
        assertFalse(CardCompleteness.meaningful("[x](https://example.org/a/very/long/link)"));
        assertTrue(CardCompleteness.meaningful("[Dokumentation der Stadt](https://example.org)"));
        assertTrue(CardCompleteness.meaningful("Zählt Personen in Bildern."));
    }

    @Test
    void anEmptyCardMissesEverything() {
        CardCompleteness c = CardCompleteness.of(Map.of());
        assertEquals(0.0, c.overall());
        assertEquals(List.of(CardSection.values()), c.missing());
        assertEquals(List.of(CardSection.values()), c.de().missing());
    }
}
