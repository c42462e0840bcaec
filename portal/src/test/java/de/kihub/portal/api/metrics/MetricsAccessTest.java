package de.kihub.portal.api.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.portal.security.AccessDeniedException;
import de.kihub.portal.security.AuthenticationRequiredException;
import de.kihub.portal.security.Caller;
import de.kihub.portal.security.Role;
import de.kihub.registry.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {
    static final String KEY = "s3cr3t-scrape-key";
    static final Caller CURATOR = Caller.person("cora", null, List.of(), Set.of(Role.CURATOR));
    static final Caller DEPLOYER =
            Caller.person(
                    "dana",
                    TenantId.of("bochum"),
                    List.of(TenantId.of("bochum")),
                    Set.of(Role.DEPLOYER));

    /** A scraper has no token: resolving the caller would be a mistake. */
    static final Supplier<Caller> NO_CALLER =
            () -> {
                throw new AssertionError("the caller must not be resolved for a scrape key");
            };

    final MetricsAccess withKey = new MetricsAccess(Optional.of(KEY));
    final MetricsAccess withoutKey = new MetricsAccess(Optional.empty());

    @Test
    void aScraperWithTheConfiguredKeyMayRead() {
        assertDoesNotThrow(() -> withKey.require("Metrics " + KEY, NO_CALLER));
        assertDoesNotThrow(() -> withKey.require("metrics " + KEY, NO_CALLER));
    }

    @Test
    void aWrongKeyIsNotAuthenticated() {
        assertThrows(
                AuthenticationRequiredException.class,
                () -> withKey.require("Metrics " + KEY + "x", NO_CALLER));
        assertThrows(
                AuthenticationRequiredException.class,
                () -> withKey.require("Metrics " + KEY.substring(1), NO_CALLER));
    }

    @Test
    void withoutAConfiguredKeyNoKeyIsAccepted() {
        assertThrows(
                AuthenticationRequiredException.class,
                () -> withoutKey.require("Metrics " + KEY, NO_CALLER));
        MetricsAccess blank = new MetricsAccess(Optional.of("  "));
        assertThrows(
                AuthenticationRequiredException.class,
                () -> blank.require("Metrics   ", () -> Caller.ANONYMOUS));
    }

    @Test
    void theKeyIsNotAcceptedAsABearerToken() {
        assertThrows(
                AuthenticationRequiredException.class,
                () -> withKey.require("Bearer " + KEY, () -> Caller.ANONYMOUS));
    }

    @Test
    void curatorsMayReadWithTheirToken() {
        assertDoesNotThrow(() -> withKey.require("Bearer token", () -> CURATOR));
        assertDoesNotThrow(() -> withoutKey.require(null, () -> CURATOR));
    }

    @Test
    void signedInCallersWithoutTheCuratorRoleAreDenied() {
        assertThrows(
                AccessDeniedException.class, () -> withKey.require("Bearer token", () -> DEPLOYER));
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        assertThrows(
                AuthenticationRequiredException.class,
                () -> withKey.require(null, () -> Caller.ANONYMOUS));
    }

    @Test
    void readsTheKeyFromTheMetricsScheme() {
        assertEquals(Optional.of("abc"), MetricsAccess.presentedKey("Metrics abc"));
        assertEquals(Optional.of("abc"), MetricsAccess.presentedKey("METRICS  abc "));
        assertEquals(Optional.empty(), MetricsAccess.presentedKey("Metrics "));
        assertEquals(Optional.empty(), MetricsAccess.presentedKey("MetricsX abc"));
        assertEquals(Optional.empty(), MetricsAccess.presentedKey("Bearer abc"));
        assertEquals(Optional.empty(), MetricsAccess.presentedKey(null));
    }
}
