package de.kihub.services.usage;

/** How a metered request ended. */
public enum Outcome {
    /** The model answered. */
    OK,
    /** The request failed, whether through bad input (4xx) or a server-side error. */
    ERROR,
    /** Turned away before the model ran (HTTP 429 or 503 by admission control or rate limit). */
    REJECTED
}
