package de.kihub.services.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides when a credential's use is written to the database: at most once per interval per
 * credential on this server, so that a device sending several requests a second does not cause a
 * write for each.
 */
final class LastUseThrottle {
    private final Duration interval;
    private final ConcurrentMap<UUID, Instant> written = new ConcurrentHashMap<>();

    LastUseThrottle(Duration interval) {
        this.interval = interval;
    }

    /** Whether the use at {@code now} is to be written; if so, it counts as written. */
    boolean due(UUID credentialId, Instant now) {
        boolean[] due = {false};
        written.compute(
                credentialId,
                (id, last) -> {
                    // a clock that went backwards must not silence the credential for long
                    if (last == null || now.isBefore(last) || !now.isBefore(last.plus(interval))) {
                        due[0] = true;
                        return now;
                    }
                    return last;
                });
        return due[0];
    }

    /** Drops what is known about a credential (it was revoked). */
    void forget(UUID credentialId) {
        written.remove(credentialId);
    }
}
