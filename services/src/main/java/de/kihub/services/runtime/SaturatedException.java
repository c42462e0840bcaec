package de.kihub.services.runtime;

/**
 * The runtime has no room for this request right now (every admission permit taken, or every loaded
 * model in use so none can make room for another). Retrying shortly may succeed (HTTP 429 with
 * Retry-After).
 */
public class SaturatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public SaturatedException(String message) {
        this(message, 1);
    }

    public SaturatedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds the client should wait before retrying, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
