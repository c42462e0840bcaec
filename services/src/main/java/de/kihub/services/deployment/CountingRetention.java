package de.kihub.services.deployment;

import de.kihub.services.counting.live.CountingConfiguration;
import de.kihub.services.counting.live.PeopleCounting;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes counting aggregates older than their deployment's retention period, every night and for
 * every deployment, retired ones included (their data is kept no longer than promised either).
 */
@Singleton
public class CountingRetention {
    private static final Logger LOG = Logger.getLogger(CountingRetention.class.getName());

    @Inject DeploymentStore store;

    @Inject PeopleCounting counting;

    @Schedule(hour = "2", minute = "41", persistent = false)
    void nightly() {
        run(Instant.now());
    }

    /** Returns how many aggregates were deleted. */
    public int run(Instant now) {
        int deleted = 0;
        for (Deployment d : store.countingDeployments()) {
            UUID id = d.id();
            try {
                deleted +=
                        counting.deleteExpired(
                                id, CountingConfiguration.parse(d.configuration()), now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention clean-up failed for deployment " + id, e);
            }
        }
        if (deleted > 0) {
            LOG.info("Retention removed " + deleted + " counting aggregate(s)");
        }
        return deleted;
    }
}
