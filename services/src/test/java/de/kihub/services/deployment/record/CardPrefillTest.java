package de.kihub.services.deployment.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.LocalizedText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardPrefillTest {

    @Test
    void takesWhatTheCardAnswersGermanFirst() {
        ModelCard card =
                ModelCard.of(
                        Map.of(
                                CardSection.MODEL_DETAILS,
                                new LocalizedText("CenterNet-Detektor", "CenterNet detector"),
                                CardSection.TRAINING_DATA,
                                new LocalizedText(null, "COCO persons"),
                                CardSection.ETHICAL_CONSIDERATIONS,
                                new LocalizedText("Keine Gesichter", null),
                                CardSection.METRICS,
                                new LocalizedText("Fehler pro Bild", null),
                                CardSection.CAVEATS_AND_RECOMMENDATIONS,
                                new LocalizedText("x".repeat(3000), null)));
        Map<RecordField, String> values = CardPrefill.from(card);
        assertEquals("CenterNet-Detektor", values.get(RecordField.TECHNICAL_OPERATION));
        assertEquals("COCO persons", values.get(RecordField.DATA_SOURCES));
        assertEquals("Keine Gesichter", values.get(RecordField.CONSIDERATIONS));
        assertEquals("Fehler pro Bild", values.get(RecordField.PERFORMANCE));
        String caveats = values.get(RecordField.RISK_MANAGEMENT);
        assertEquals(RecordField.RISK_MANAGEMENT.maxLength(), caveats.length());
        assertTrue(caveats.endsWith("…"));
        assertEquals(5, values.size());
        assertTrue(CardPrefill.from(null).isEmpty());
    }

    @Test
    void namesTrainingAndEvaluationDataWhenTheCardHasBoth() {
        ModelCard card =
                ModelCard.of(
                        Map.of(
                                CardSection.TRAINING_DATA, new LocalizedText("COCO", null),
                                CardSection.EVALUATION_DATA, new LocalizedText("PETS09", null)));
        String data = CardPrefill.from(card).get(RecordField.DATA_SOURCES);
        assertTrue(data.contains("COCO") && data.contains("PETS09"), data);
    }
}
