package de.kihub.registry.model;

/** How far a model has come, as its publisher states it; unset means not stated. */
public enum Maturity {
    /** Research or a first try. */
    EXPERIMENTAL,
    /** Tried in a limited pilot. */
    PILOT,
    /** In regular use. */
    PRODUCTION
}
