package de.kihub.services.runtime;

/**
 * A token bucket: it holds up to {@code capacity} tokens, gains {@code perSecond} tokens a second,
 * and each request takes one. Time comes from the caller (nanoseconds of a monotonic clock), so
 * that tests can drive it with a fake clock.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long last;

    /** A full bucket at time {@code now}. */
    TokenBucket(double perSecond, double capacity, long now) {
        if (!(perSecond > 0) || !(capacity >= 1)) {
            throw new IllegalArgumentException(
                    "A token bucket needs a positive rate and room for one token, got "
                            + perSecond
                            + "/s and "
                            + capacity);
        }
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 if a token was taken, otherwise the nanoseconds until the next token
     */
    synchronized long tryTake(long now) {
        // nanoTime may only be compared by difference; a clock that seems to go back adds nothing
        long elapsed = Math.max(0, now - last);
        tokens = Math.min(capacity, tokens + elapsed * perSecond / NANOS_PER_SECOND);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * NANOS_PER_SECOND));
    }

    double perSecond() {
        return perSecond;
    }
}
