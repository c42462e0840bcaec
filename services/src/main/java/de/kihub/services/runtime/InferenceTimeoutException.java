package de.kihub.services.runtime;

/**
 * An admitted request waited the whole request timeout for a free worker. The hub is overloaded
 * rather than the request wrong, so it is a server-side condition (HTTP 503 with Retry-After).
 */
public class InferenceTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public InferenceTimeoutException(long timeoutMillis) {
        super(
                "No inference worker became free within "
                        + timeoutMillis
                        + " ms; the hub is overloaded, retry shortly.");
        this.retryAfterSeconds = 1;
    }

    /** Whole seconds the client should wait before retrying. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
