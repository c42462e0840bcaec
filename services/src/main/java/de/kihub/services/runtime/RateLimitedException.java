package de.kihub.services.runtime;

import de.kihub.registry.tenant.TenantId;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A tenant sent more requests than its rate allows. A kind of saturation, so that callers and the
 * HTTP mapping treat both alike (429 with Retry-After), but the wait is computed from the tenant's
 * token bucket instead of being a fixed second.
 */
public class RateLimitedException extends SaturatedException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(TenantId tenant, double perSecond, long retryAfterSeconds) {
        super(
                String.format(
                        Locale.ROOT,
                        "Tenant %s sends more than its %s requests per second; retry in %d s.",
                        tenant.value(),
                        BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString(),
                        Math.max(1, retryAfterSeconds)),
                retryAfterSeconds);
    }
}
