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
                                CardSection.INTENDED_USE, new LocalizedText("Zählen", "Counting"),
                                CardSection.TRAINING_DATA, new LocalizedText("COCO", " "),
                                CardSection.METRICS, new LocalizedText("MAE", "MAE")));
        assertEquals(2.0 / 9, card.completeness(), 1e-9);
        assertNull(card.sections().get(CardSection.TRAINING_DATA).en(), "blank counts as missing");
    }

    @Test
    void refusesOverlongSections() {
        String tooLong = "x".repeat(ModelCard.MAX_MARKDOWN + 1);
        assertThrows(
                InvalidRequestException.class,
                () -> ModelCard.of(Map.of(CardSection.FACTORS, new LocalizedText(tooLong, "ok"))));
    }
}
