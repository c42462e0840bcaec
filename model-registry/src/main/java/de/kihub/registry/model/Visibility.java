package de.kihub.registry.model;

/** Who may see a model besides its owner tenant and the curators. */
public enum Visibility {
    /** The owner tenant only. */
    PRIVATE,
    /** Members of the communities the model is shared with. */
    COMMUNITY,
    /** Everybody, also without signing in; only a curator's approval makes a model public. */
    PUBLIC
}
