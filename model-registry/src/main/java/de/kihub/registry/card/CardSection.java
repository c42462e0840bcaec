package de.kihub.registry.card;

/** The sections of a model card, in the order of Mitchell et al. */
public enum CardSection {
    MODEL_DETAILS,
    INTENDED_USE,
    FACTORS,
    METRICS,
    EVALUATION_DATA,
    TRAINING_DATA,
    QUANTITATIVE_ANALYSES,
    ETHICAL_CONSIDERATIONS,
    CAVEATS_AND_RECOMMENDATIONS
}
