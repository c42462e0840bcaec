package de.kihub.services.deployment.record;

/**
 * A deployment's class under the EU AI Act (Regulation (EU) 2024/1689), from the hub's
 * questionnaire; the order is from most to least severe.
 */
public enum AiActRiskClass {
    /** A practice of Art. 5: the deployment must not run. */
    PROHIBITED,
    /**
     * Art. 6(1) or Annex III: fundamental-rights and data-protection assessments before sign-off.
     */
    HIGH_RISK,
    /** Only transparency duties of Art. 50. */
    LIMITED_RISK,
    /** None of the above. */
    MINIMAL_RISK
}
