package de.kihub.services.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantRateLimitsTest {
    private static final long MILLISECOND = 1_000_000L;
    private static final TenantId W_HS = TenantId.of("w-hs");
    private static final TenantId GELSENKIRCHEN = TenantId.of("gelsenkirchen");

    private final Map<String, Double> config = new HashMap<>();
    private long now = 123_456_789L;

    private TenantRateLimits limits() {
        return new TenantRateLimits(key -> Optional.ofNullable(config.get(key)), () -> now);
    }

    @Test
    void letsABurstOfTwiceTheRatePassThenRefusesWithRetryAfter() {
        config.put("kihub.rate-limit.default", 5.0);
        TenantRateLimits limits = limits();

        for (int i = 0; i < 10; i++) {
            limits.acquire(W_HS);
        }
        RateLimitedException refused =
                assertThrows(RateLimitedException.class, () -> limits.acquire(W_HS));

        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(
                "Tenant w-hs sends more than its 5 requests per second; retry in 1 s.",
                refused.getMessage());
    }

    @Test
    void refillsAtTheConfiguredRateUpToTheBurst() {
        config.put("kihub.rate-limit.default", 2.0);
        TenantRateLimits limits = limits();
        for (int i = 0; i < 4; i++) {
            limits.acquire(W_HS);
        }
        assertThrows(RateLimitedException.class, () -> limits.acquire(W_HS));

        now += 500 * MILLISECOND; // one token at 2 per second
        limits.acquire(W_HS);
        assertThrows(RateLimitedException.class, () -> limits.acquire(W_HS));

        now += 60_000 * MILLISECOND; // a long pause refills to the burst, not beyond
        for (int i = 0; i < 4; i++) {
            limits.acquire(W_HS);
        }
        assertThrows(RateLimitedException.class, () -> limits.acquire(W_HS));
    }

    @Test
    void retryAfterIsTheWaitForTheNextTokenRoundedUpToWholeSeconds() {
        config.put("kihub.rate-limit.default", 0.25);
        TenantRateLimits limits = limits();
        limits.acquire(W_HS); // below 0.5 per second the burst is still one request

        RateLimitedException refused =
                assertThrows(RateLimitedException.class, () -> limits.acquire(W_HS));
        assertEquals(4, refused.retryAfterSeconds());

        now += 2_500 * MILLISECOND;
        refused = assertThrows(RateLimitedException.class, () -> limits.acquire(W_HS));
        assertEquals(2, refused.retryAfterSeconds());
    }

    @Test
    void aTenantOverrideReplacesTheDefaultForThatTenantOnly() {
        config.put("kihub.rate-limit.tenant.w-hs", 2.0);
        TenantRateLimits limits = limits();

        for (int i = 0; i < 4; i++) {
            limits.acquire(W_HS);
        }
        assertThrows(RateLimitedException.class, () -> limits.acquire(W_HS));
        for (int i = 0; i < 100; i++) {
            limits.acquire(GELSENKIRCHEN); // the default of 50 per second, burst 100
        }
        assertThrows(RateLimitedException.class, () -> limits.acquire(GELSENKIRCHEN));
    }

    @Test
    void zeroMeansUnlimited() {
        config.put("kihub.rate-limit.default", 0.0);
        config.put("kihub.rate-limit.tenant.gelsenkirchen", 1.0);
        TenantRateLimits limits = limits();

        for (int i = 0; i < 10_000; i++) {
            limits.acquire(W_HS);
        }
        limits.acquire(GELSENKIRCHEN);
        limits.acquire(GELSENKIRCHEN);
        assertThrows(RateLimitedException.class, () -> limits.acquire(GELSENKIRCHEN));
    }

    @Test
    void aZeroTenantOverrideLiftsTheDefaultLimit() {
        config.put("kihub.rate-limit.default", 1.0);
        config.put("kihub.rate-limit.tenant.w-hs", 0.0);
        TenantRateLimits limits = limits();

        for (int i = 0; i < 10_000; i++) {
            limits.acquire(W_HS);
        }
    }

    @Test
    void aNegativeRateIsAConfigurationError() {
        config.put("kihub.rate-limit.default", -1.0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::limits);
        assertEquals(
                "kihub.rate-limit.default must be 0 (unlimited) or a positive rate per second,"
                        + " got -1.0",
                e.getMessage());
    }
}
