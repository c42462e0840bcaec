package de.kihub.registry.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.LocalizedText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCardTest {

    @Test
    void completenessCountsSectionsWrittenInBothLanguages() {
        ModelCard card =
                ModelCard.of(
                        Map.of(
                                CardSection.INTENDED_USE,
                                new LocalizedText(
                                        "Zählen von Besuchern", "Counting visitors at the gate"),
                                CardSection.TRAINING_DATA,
                                new LocalizedText("COCO 2017, Klasse Person", " "),
                                CardSection.METRICS,
                                new LocalizedText(
                                        "Mittlerer absoluter Fehler je Bild",
                                        "Mean absolute error per frame")));
        assertEquals(2.0 / 9, card.completeness(), 1e-9);
        assertEquals(card.completeness(), card.completenessDetail().overall());
        assertEquals(3.0 / 9, card.completenessDetail().de().score(), 1e-9);
        assertNull(card.sections().get(CardSection.TRAINING_DATA).en(), "blank counts as missing");
        assertNull(card.text(CardSection.TRAINING_DATA, "en"));
        assertEquals("COCO 2017, Klasse Person", card.text(CardSection.TRAINING_DATA, "de"));
    }

    @Test
    void refusesOverlongSections() {
        String tooLong = "x".repeat(ModelCard.MAX_MARKDOWN + 1);
        assertThrows(
                InvalidRequestException.class,
                () -> ModelCard.of(Map.of(CardSection.FACTORS, new LocalizedText(tooLong, "ok"))));
    }

    @Test
    void sectionTitlesComeInBothLanguages() {
        assertEquals("Quantitative Analysen", CardSection.QUANTITATIVE_ANALYSES.title("de"));
        assertEquals("Quantitative Analyses", CardSection.QUANTITATIVE_ANALYSES.title("en"));
        assertThrows(InvalidRequestException.class, () -> CardSection.METRICS.title("fr"));
    }
}
