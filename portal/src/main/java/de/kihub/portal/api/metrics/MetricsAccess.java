package de.kihub.portal.api.metrics;

import de.kihub.portal.security.AuthenticationRequiredException;
import de.kihub.portal.security.Caller;
import de.kihub.portal.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who may read the metrics, which name tenants and deployments: curators, and a scraper that sends
 * {@code Authorization: Metrics <key>} with the key configured as {@value #SCRAPE_KEY}. Without a
 * configured key only curators may.
 */
final class MetricsAccess {
    /** MicroProfile Config key (environment: {@code KIHUB_METRICS_SCRAPE_KEY}). */
    static final String SCRAPE_KEY = "kihub.metrics.scrape-key";

    static final String SCHEME = "Metrics";

    private final byte[] keyDigest;

    MetricsAccess(Optional<String> configuredKey) {
        this.keyDigest =
                configuredKey.filter(k -> !k.isBlank()).map(MetricsAccess::sha256).orElse(null);
    }

    static MetricsAccess fromConfig() {
        return new MetricsAccess(
                ConfigProvider.getConfig().getOptionalValue(SCRAPE_KEY, String.class));
    }

    /**
     * Returns if the request may read the metrics, else throws AuthenticationRequiredException (no
     * or a wrong key, no token) or AccessDeniedException (signed in, not a curator). The caller is
     * resolved only when no key is presented: a scraper has no token.
     */
    void require(String authorization, Supplier<Caller> caller) {
        Optional<String> presented = presentedKey(authorization);
        if (presented.isPresent()) {
            // digests have one length, so the comparison's time says nothing about the key
            if (keyDigest != null && MessageDigest.isEqual(keyDigest, sha256(presented.get()))) {
                return;
            }
            throw new AuthenticationRequiredException("The metrics scrape key is not valid.");
        }
        Caller who = caller.get();
        if (!who.authenticated()) {
            throw new AuthenticationRequiredException(
                    "The metrics need a curator's access token (Authorization: Bearer ...) or the"
                            + " scrape key (Authorization: Metrics ...).");
        }
        who.requireAnyRole(Role.CURATOR);
    }

    /** The key of an {@code Authorization: Metrics <key>} header (scheme in any case). */
    static Optional<String> presentedKey(String authorization) {
        String prefix = SCHEME + " ";
        if (authorization == null
                || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(prefix.length()).trim())
                .filter(k -> !k.isEmpty());
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
