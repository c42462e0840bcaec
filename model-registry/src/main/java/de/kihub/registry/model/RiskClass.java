package de.kihub.registry.model;

/**
 * The EU AI Act risk class a publisher declares for a model; unset means not classified. The hub
 * records the declaration, it does not assess it.
 */
public enum RiskClass {
    MINIMAL,
    LIMITED,
    HIGH
}
