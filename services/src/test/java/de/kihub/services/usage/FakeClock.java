package de.kihub.services.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
final class FakeClock implements InstantSource {
    private Instant now;

    FakeClock(String instant) {
        this.now = Instant.parse(instant);
    }

    @Override
    public Instant instant() {
        return now;
    }

    void set(String instant) {
        now = Instant.parse(instant);
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
