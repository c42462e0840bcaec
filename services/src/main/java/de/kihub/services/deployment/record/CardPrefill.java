package de.kihub.services.deployment.record;

import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.LocalizedText;
import java.util.EnumMap;
import java.util.Map;

/**
 * The record fields a model version's card already answers: how it works, what data it learned
 * from, its ethical considerations, caveats and measured performance. German text where the card
 * has it, else English; cut to the field's length.
 */
public final class CardPrefill {
    /** The source name in {@link DeploymentRecord#prefilled()}. */
    public static final String MODEL_CARD = "model-card";

    private CardPrefill() {}

    public static Map<RecordField, String> from(ModelCard card) {
        Map<RecordField, String> values = new EnumMap<>(RecordField.class);
        if (card == null) {
            return values;
        }
        put(values, RecordField.TECHNICAL_OPERATION, text(card, CardSection.MODEL_DETAILS));
        String training = text(card, CardSection.TRAINING_DATA);
        String evaluation = text(card, CardSection.EVALUATION_DATA);
        if (training != null && evaluation != null) {
            put(
                    values,
                    RecordField.DATA_SOURCES,
                    "Trainingsdaten des Modells:\n"
                            + training
                            + "\n\nEvaluationsdaten des Modells:\n"
                            + evaluation);
        } else {
            put(values, RecordField.DATA_SOURCES, training != null ? training : evaluation);
        }
        put(values, RecordField.CONSIDERATIONS, text(card, CardSection.ETHICAL_CONSIDERATIONS));
        put(
                values,
                RecordField.RISK_MANAGEMENT,
                text(card, CardSection.CAVEATS_AND_RECOMMENDATIONS));
        String analyses = text(card, CardSection.QUANTITATIVE_ANALYSES);
        put(
                values,
                RecordField.PERFORMANCE,
                analyses != null ? analyses : text(card, CardSection.METRICS));
        return values;
    }

    private static void put(Map<RecordField, String> values, RecordField field, String text) {
        if (text == null) {
            return;
        }
        int max = field.maxLength();
        values.put(field, text.length() <= max ? text : text.substring(0, max - 1) + "…");
    }

    static String text(ModelCard card, CardSection section) {
        LocalizedText t = card.sections().get(section);
        if (t == null) {
            return null;
        }
        return t.de() != null ? t.de() : t.en();
    }
}
