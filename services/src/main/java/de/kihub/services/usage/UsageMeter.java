package de.kihub.services.usage;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.metrics.MetricsSource;
import de.kihub.services.metrics.PrometheusText;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Meters every request to a deployment: counts and latency per interval of {@value
 * #INTERVAL_SECONDS} seconds (default 60, aligned to the clock), kept in memory and stored by
 * {@link #flush()} once an interval has ended. Also the Prometheus source of the per-deployment
 * counters.
 */
@ApplicationScoped
public class UsageMeter implements MetricsSource {
    /** MicroProfile Config key: length of a usage interval in seconds. */
    public static final String INTERVAL_SECONDS = "kihub.usage.interval-seconds";

    private static final Logger LOG = Logger.getLogger(UsageMeter.class.getName());

    @Inject UsageStore store;

    private UsageIntervals intervals;

    // a report reads the store and then memory; flushing in between would count an interval twice
    private final ReadWriteLock flushing = new ReentrantReadWriteLock();

    @PostConstruct
    void start() {
        int seconds =
                ConfigProvider.getConfig()
                        .getOptionalValue(INTERVAL_SECONDS, Integer.class)
                        .orElse(60);
        intervals = new UsageIntervals(InstantSource.system(), seconds);
    }

    /** Counts one request; cheap enough for every prediction and frame. */
    public void record(UUID deploymentId, TenantId tenant, Outcome outcome, long latencyNanos) {
        intervals.record(deploymentId, tenant, outcome, latencyNanos);
    }

    /**
     * The deployment's intervals that start in [from, to), stored or still in memory, with totals
     * whose percentiles are exact over all those requests (within one histogram bucket).
     */
    public UsageReport report(UUID deploymentId, Instant from, Instant to) {
        return report(deploymentId, from, to, null);
    }

    /**
     * As {@link #report(UUID, Instant, Instant)}, with the intervals regrouped into buckets of
     * {@code bucket}, a whole multiple of the metering interval (null: the metering intervals).
     */
    public UsageReport report(UUID deploymentId, Instant from, Instant to, Duration bucket) {
        if (bucket != null
                && (bucket.isNegative()
                        || bucket.isZero()
                        || bucket.toMillis() % (intervals.intervalSeconds() * 1000L) != 0)) {
            throw new InvalidRequestException(
                    "The usage interval must be a whole multiple of "
                            + intervals.intervalSeconds()
                            + " seconds; got "
                            + bucket
                            + ".");
        }
        if (!from.isBefore(to)) {
            throw new InvalidRequestException("The report's start must lie before its end.");
        }
        flushing.readLock().lock();
        try {
            return UsageReports.build(
                    deploymentId,
                    from,
                    to,
                    store.load(deploymentId, from, to),
                    intervals.unflushed(deploymentId),
                    bucket);
        } finally {
            flushing.readLock().unlock();
        }
    }

    /** Stores the intervals that have ended; called every minute by {@link UsageFlush}. */
    public void flush() {
        store(false);
    }

    /** Stores everything at shutdown, the open interval too; later requests add to its row. */
    @PreDestroy
    void flushAll() {
        store(true);
    }

    private void store(boolean all) {
        flushing.writeLock().lock();
        try {
            List<UsageIntervals.Pending> pending =
                    all ? intervals.takeAll() : intervals.takeFinished();
            if (pending.isEmpty()) {
                return;
            }
            try {
                store.save(pending);
            } catch (RuntimeException e) {
                intervals.restore(pending);
                LOG.log(
                        Level.WARNING,
                        "Could not store "
                                + pending.size()
                                + " usage interval(s)"
                                + (all ? "; they are lost" : "; kept for the next flush"),
                        e);
            }
        } finally {
            flushing.writeLock().unlock();
        }
    }

    @Override
    public void writePrometheus(PrometheusText out) {
        UsageMetrics.write(out, intervals.running());
    }
}
