package de.kihub.services.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.tenant.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerifiedKeyCacheTest {
    private static final long SECOND = 1_000_000_000L;

    /** A fake monotonic clock, starting near the end of the long range to test the wrap. */
    private long nanos = Long.MAX_VALUE - SECOND;

    private final VerifiedKeyCache cache =
            new VerifiedKeyCache(Duration.ofSeconds(2), () -> nanos, 3);

    @Test
    void verifiedKeyIsRememberedWithItsSaltAndHash() {
        MachinePrincipal camera = principal("a");
        cache.put(camera, "salt", "hash");

        VerifiedKeyCache.Entry entry = cache.get("a").orElseThrow();

        assertEquals(camera, entry.principal());
        assertEquals("salt", entry.salt());
        assertEquals("hash", entry.secretHash());
        assertTrue(cache.get("b").isEmpty());
    }

    @Test
    void entryExpiresAfterTheTimeToLive() {
        cache.put(principal("a"), "salt", "hash");

        nanos += 2 * SECOND - 1;
        assertTrue(cache.get("a").isPresent());

        nanos += 1;
        assertTrue(cache.get("a").isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    void evictionTakesEffectAtOnce() {
        cache.put(principal("a"), "salt", "hash");

        cache.evict("a");

        assertTrue(cache.get("a").isEmpty());
    }

    @Test
    void zeroSecondsTurnsCachingOff() {
        VerifiedKeyCache off = new VerifiedKeyCache(Duration.ZERO, () -> nanos, 3);

        off.put(principal("a"), "salt", "hash");

        assertTrue(off.get("a").isEmpty());
        assertEquals(0, off.size());
    }

    @Test
    void fullCacheDropsExpiredEntriesAndOtherwiseTakesNoMore() {
        cache.put(principal("a"), "salt", "hash");
        nanos += SECOND;
        cache.put(principal("b"), "salt", "hash");
        cache.put(principal("c"), "salt", "hash");

        cache.put(principal("d"), "salt", "hash");
        assertTrue(cache.get("d").isEmpty(), "full: not cached");
        assertEquals(3, cache.size());

        nanos += SECOND;
        cache.put(principal("d"), "salt", "hash");
        assertTrue(cache.get("d").isPresent(), "expired 'a' made room");
        assertTrue(cache.get("a").isEmpty());
        assertEquals(3, cache.size());
    }

    private static MachinePrincipal principal(String keyId) {
        return new MachinePrincipal(
                UUID.randomUUID(),
                "camera " + keyId,
                keyId,
                UUID.randomUUID(),
                TenantId.of("bonn"));
    }
}
