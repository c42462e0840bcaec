package de.kihub.services.credentials;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Keys verified in the last few seconds, so that a busy device does not cost a database read per
 * request. Keyed by key id; an entry remembers the salt and hash the secret was verified against
 * (never the secret), so every request still proves its secret. Time comes from a monotonic
 * nanosecond clock: a wall-clock jump cannot keep a revoked key alive.
 */
final class VerifiedKeyCache {
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final int maxEntries;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedKeyCache(Duration ttl, LongSupplier nanoTime, int maxEntries) {
        this.ttlNanos = Math.max(0, ttl.toNanos());
        this.nanoTime = nanoTime;
        this.maxEntries = maxEntries;
    }

    /** The entry for the key id if it is younger than the time to live. */
    Optional<Entry> get(String keyId) {
        Entry entry = entries.get(keyId);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry, nanoTime.getAsLong())) {
            entries.remove(keyId, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Remembers a verified key; does nothing when caching is off or the cache is full. */
    void put(MachinePrincipal principal, String salt, String secretHash) {
        if (ttlNanos == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> expired(e, now));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(principal.keyId(), new Entry(principal, salt, secretHash, now + ttlNanos));
    }

    void evict(String keyId) {
        entries.remove(keyId);
    }

    int size() {
        return entries.size();
    }

    private static boolean expired(Entry entry, long now) {
        return now - entry.expiresAt() >= 0;
    }

    /** A verified key: who it is, and the salt and hash a presented secret must match. */
    record Entry(MachinePrincipal principal, String salt, String secretHash, long expiresAt) {}
}
