package de.kihub.registry.card;

/** The sections of a model card, in the order of Mitchell et al., with their titles. */
public enum CardSection {
    MODEL_DETAILS("Modelldetails", "Model Details"),
    INTENDED_USE("Vorgesehene Verwendung", "Intended Use"),
    FACTORS("Einflussfaktoren", "Factors"),
    METRICS("Metriken", "Metrics"),
    EVALUATION_DATA("Evaluationsdaten", "Evaluation Data"),
    TRAINING_DATA("Trainingsdaten", "Training Data"),
    QUANTITATIVE_ANALYSES("Quantitative Analysen", "Quantitative Analyses"),
    ETHICAL_CONSIDERATIONS("Ethische Überlegungen", "Ethical Considerations"),
    CAVEATS_AND_RECOMMENDATIONS("Einschränkungen und Empfehlungen", "Caveats and Recommendations");

    private final String titleDe;
    private final String titleEn;

    CardSection(String titleDe, String titleEn) {
        this.titleDe = titleDe;
        this.titleEn = titleEn;
    }

    /** The heading in {@code language} ({@code de} or {@code en}). */
    public String title(String language) {
        return CardLanguage.DE.equals(CardLanguage.of(language)) ? titleDe : titleEn;
    }
}
