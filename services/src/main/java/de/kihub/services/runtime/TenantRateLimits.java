package de.kihub.services.runtime;

import de.kihub.registry.tenant.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests per second per tenant, so that one tenant cannot take every inference worker. Each
 * tenant has a token bucket holding twice its rate (a short burst of twice the rate passes, a
 * steady excess is refused with {@link RateLimitedException}).
 *
 * <p>{@value #DEFAULT_KEY} sets the rate of every tenant (default {@value #DEFAULT_RATE}, 0 =
 * unlimited); {@code kihub.rate-limit.tenant.<tenant id>} overrides it for one tenant, e.g. {@code
 * kihub.rate-limit.tenant.w-hs=2} (as an environment variable {@code
 * KIHUB_RATE_LIMIT_TENANT_W_HS=2}). The default is read once at start, a tenant's override once at
 * its first request.
 */
@ApplicationScoped
public class TenantRateLimits {
    static final String DEFAULT_KEY = "kihub.rate-limit.default";
    static final String TENANT_PREFIX = "kihub.rate-limit.tenant.";
    static final double DEFAULT_RATE = 50;

    /** Bucket capacity as a multiple of the rate: the burst a tenant may send at once. */
    static final double BURST_FACTOR = 2;

    private static final double NANOS_PER_SECOND = 1e9;

    private final Map<TenantId, Optional<TokenBucket>> buckets = new ConcurrentHashMap<>();
    private Function<String, Optional<Double>> settings;
    private LongSupplier nanoTime;
    private double defaultRate;

    /** For CDI; the settings are read in {@link #readSettings()}. */
    public TenantRateLimits() {}

    /**
     * @param settings a configuration value by its full key, e.g. {@value #DEFAULT_KEY}
     * @param nanoTime a monotonic clock in nanoseconds
     */
    TenantRateLimits(Function<String, Optional<Double>> settings, LongSupplier nanoTime) {
        configure(settings, nanoTime);
    }

    @PostConstruct
    void readSettings() {
        Config config = ConfigProvider.getConfig();
        configure(name -> config.getOptionalValue(name, Double.class), System::nanoTime);
    }

    private void configure(Function<String, Optional<Double>> settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.defaultRate = rate(DEFAULT_KEY, settings.apply(DEFAULT_KEY).orElse(DEFAULT_RATE));
    }

    /**
     * Counts one request of the tenant.
     *
     * @throws RateLimitedException if the tenant is over its rate, with the seconds until it may
     *     send again
     */
    public void acquire(TenantId tenant) {
        Optional<TokenBucket> bucket = buckets.computeIfAbsent(tenant, this::bucketFor);
        if (bucket.isEmpty()) {
            return;
        }
        long wait = bucket.get().tryTake(nanoTime.getAsLong());
        if (wait > 0) {
            throw new RateLimitedException(
                    tenant, bucket.get().perSecond(), (long) Math.ceil(wait / NANOS_PER_SECOND));
        }
    }

    private Optional<TokenBucket> bucketFor(TenantId tenant) {
        String key = TENANT_PREFIX + tenant.value();
        double perSecond = settings.apply(key).map(r -> rate(key, r)).orElse(defaultRate);
        if (perSecond == 0) {
            return Optional.empty();
        }
        // below half a request per second twice the rate is less than one request; one must pass
        double capacity = Math.max(1, BURST_FACTOR * perSecond);
        return Optional.of(new TokenBucket(perSecond, capacity, nanoTime.getAsLong()));
    }

    private static double rate(String key, double perSecond) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException(
                    key + " must be 0 (unlimited) or a positive rate per second, got " + perSecond);
        }
        return perSecond;
    }
}
