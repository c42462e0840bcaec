package de.kihub.services.counting.live;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/** Ends counting sessions that received no frame for 15 minutes, storing their last interval. */
@Singleton
public class SessionExpiry {
    static final Duration IDLE = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(SessionExpiry.class.getName());

    @Inject PeopleCounting counting;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void everyMinute() {
        int ended = counting.expireIdle(IDLE);
        if (ended > 0) {
            LOG.info(ended + " idle counting session(s) ended");
        }
    }
}
