package de.kihub.services.usage;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stores usage intervals. Dependent on the meter, so that it still exists when the meter stores its
 * last intervals at shutdown.
 */
@Dependent
public class UsageStore {

    @PersistenceContext EntityManager em;

    /**
     * Adds the intervals to their rows, creating rows that do not exist yet. Rows are locked while
     * merged, so servers sharing the database do not lose each other's counts. Commits before it
     * returns, so a failure reaches the caller, which keeps the intervals for another try.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void save(List<UsageIntervals.Pending> pending) {
        for (UsageIntervals.Pending p : pending) {
            IntervalCounts counts = p.counts();
            DeploymentUsageEntity row =
                    em.find(
                            DeploymentUsageEntity.class,
                            new DeploymentUsageEntity.Key(p.deployment(), counts.start),
                            LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                row = new DeploymentUsageEntity();
                row.deploymentId = p.deployment();
                row.start = counts.start;
                row.seconds = counts.seconds;
                write(row, counts.copy());
                em.persist(row);
            } else {
                IntervalCounts merged = toCounts(row);
                merged.merge(counts);
                write(row, merged);
            }
        }
    }

    /** The stored intervals of a deployment that start in [from, to), oldest first. */
    List<IntervalCounts> load(UUID deployment, Instant from, Instant to) {
        return em.createQuery(
                        "select u from DeploymentUsageEntity u where u.deploymentId = :d"
                                + " and u.start >= :from and u.start < :to order by u.start",
                        DeploymentUsageEntity.class)
                .setParameter("d", deployment)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .map(UsageStore::toCounts)
                .toList();
    }

    private static void write(DeploymentUsageEntity row, IntervalCounts counts) {
        UsageInterval summary = counts.toInterval();
        row.requests = summary.requests();
        row.errors = summary.errors();
        row.rejected = summary.rejected();
        row.p50Ms = summary.p50Ms();
        row.p95Ms = summary.p95Ms();
        row.p99Ms = summary.p99Ms();
        row.maxMs = summary.maxMs();
        row.histogram = counts.latency.encode();
    }

    private static IntervalCounts toCounts(DeploymentUsageEntity row) {
        return new IntervalCounts(
                row.start,
                row.seconds,
                row.requests,
                row.errors,
                row.rejected,
                LatencyHistogram.decode(row.histogram));
    }
}
