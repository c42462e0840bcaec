package de.kihub.services.counting.live;

import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.counting.IntervalAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stores sessions and their interval aggregates; reads are filtered by tenant. */
@ApplicationScoped
public class CountingStore {

    @PersistenceContext EntityManager em;

    @Transactional
    public void saveSession(CountingSessionEntity session) {
        em.persist(session);
    }

    /**
     * The session if it belongs to the tenant's deployment, else NotFoundException (as if it did
     * not exist).
     */
    public CountingSessionEntity session(UUID id, TenantId tenant, UUID deploymentId) {
        CountingSessionEntity s = em.find(CountingSessionEntity.class, id);
        if (s == null
                || tenant == null
                || !s.tenantId.equals(tenant.value())
                || !deploymentId.equals(s.deploymentId)) {
            throw new NotFoundException("There is no counting session " + id + ".");
        }
        return s;
    }

    @Transactional
    public void saveIntervals(UUID sessionId, List<IntervalAggregate> intervals) {
        for (IntervalAggregate a : intervals) {
            CountingIntervalEntity e = new CountingIntervalEntity();
            e.id = UUID.randomUUID();
            e.sessionId = sessionId;
            e.start = a.start();
            e.seconds = (int) a.length().toSeconds();
            e.frames = a.frames();
            e.meanCount = a.meanCount();
            e.maxCount = a.maxCount();
            a.crossings()
                    .forEach(
                            c -> {
                                CountingIntervalEntity.Line l = new CountingIntervalEntity.Line();
                                l.line = c.line();
                                l.in = c.in();
                                l.out = c.out();
                                e.lines.add(l);
                            });
            a.peakOccupancy()
                    .forEach(
                            z -> {
                                CountingIntervalEntity.ZonePeak p =
                                        new CountingIntervalEntity.ZonePeak();
                                p.zone = z.zone();
                                p.peak = z.occupancy();
                                e.zones.add(p);
                            });
            em.persist(e);
        }
    }

    public List<CountingApi.Interval> intervals(UUID sessionId) {
        return toIntervals(
                em.createQuery(
                                "select i from CountingIntervalEntity i where i.sessionId = :s"
                                        + " order by i.start",
                                CountingIntervalEntity.class)
                        .setParameter("s", sessionId)
                        .getResultList());
    }

    /** The stored intervals of all sessions of a deployment that start in [from, to). */
    public List<CountingApi.Interval> deploymentIntervals(
            TenantId tenant, UUID deploymentId, Instant from, Instant to) {
        return toIntervals(
                em.createQuery(
                                "select i from CountingIntervalEntity i where i.sessionId in"
                                        + " (select s.id from CountingSessionEntity s"
                                        + " where s.deploymentId = :d and s.tenantId = :t)"
                                        + " and i.start >= :from and i.start < :to"
                                        + " order by i.start",
                                CountingIntervalEntity.class)
                        .setParameter("d", deploymentId)
                        .setParameter("t", tenant.value())
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultList());
    }

    /**
     * Deletes a deployment's aggregates that started before {@code cutoff} (its retention period);
     * the line and zone rows go first because of their foreign keys.
     */
    @Transactional
    public int deleteBefore(UUID deploymentId, Instant cutoff) {
        String intervals =
                "select i.id from counting_interval i join counting_session s on s.id ="
                        + " i.session_id where s.deployment_id = ?1 and i.interval_start < ?2";
        for (String child : List.of("counting_interval_line", "counting_interval_zone")) {
            em.createNativeQuery(
                            "delete from " + child + " where interval_id in (" + intervals + ")")
                    .setParameter(1, deploymentId)
                    .setParameter(2, cutoff)
                    .executeUpdate();
        }
        return em.createNativeQuery("delete from counting_interval where id in (" + intervals + ")")
                .setParameter(1, deploymentId)
                .setParameter(2, cutoff)
                .executeUpdate();
    }

    private static List<CountingApi.Interval> toIntervals(List<CountingIntervalEntity> rows) {
        return rows.stream()
                .map(
                        i ->
                                new CountingApi.Interval(
                                        i.start,
                                        i.seconds,
                                        i.frames,
                                        i.meanCount,
                                        i.maxCount,
                                        i.lines.stream()
                                                .map(
                                                        l ->
                                                                new CountingApi.LineTotal(
                                                                        l.line, l.in, l.out))
                                                .toList(),
                                        i.zones.stream()
                                                .map(z -> new CountingApi.ZoneState(z.zone, z.peak))
                                                .toList()))
                .toList();
    }
}
