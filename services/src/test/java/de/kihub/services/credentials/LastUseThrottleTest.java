package de.kihub.services.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LastUseThrottleTest {
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private final LastUseThrottle throttle = new LastUseThrottle(Duration.ofMinutes(1));
    private final UUID camera = UUID.randomUUID();

    @Test
    void firstUseIsWrittenThenAtMostOncePerMinute() {
        assertTrue(throttle.due(camera, T0));
        assertFalse(throttle.due(camera, T0.plusSeconds(1)));
        assertFalse(throttle.due(camera, T0.plusSeconds(59)));
        assertTrue(throttle.due(camera, T0.plusSeconds(60)));
        assertFalse(throttle.due(camera, T0.plusSeconds(61)));
    }

    @Test
    void credentialsAreThrottledIndependently() {
        assertTrue(throttle.due(camera, T0));
        assertTrue(throttle.due(UUID.randomUUID(), T0.plusSeconds(1)));
    }

    @Test
    void forgottenCredentialIsWrittenAgain() {
        assertTrue(throttle.due(camera, T0));

        throttle.forget(camera);

        assertTrue(throttle.due(camera, T0.plusSeconds(1)));
    }

    @Test
    void clockGoingBackwardsDoesNotSilenceTheCredential() {
        assertTrue(throttle.due(camera, T0));

        assertTrue(throttle.due(camera, T0.minusSeconds(3600)));
        assertFalse(throttle.due(camera, T0.minusSeconds(3590)));
    }
}
