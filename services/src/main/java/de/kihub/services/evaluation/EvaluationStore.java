package de.kihub.services.evaluation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The evaluations' rows. Every change is one transaction, changes by people carry their audit
 * event, and the job's changes update only their own columns and only from the state they expect,
 * so a cancellation, a share and the job's progress never overwrite each other.
 */
@ApplicationScoped
public class EvaluationStore {
    static final String INTERRUPTED = "interrupted by a server restart";

    @PersistenceContext EntityManager em;

    @Inject AuditLog audit;

    @Transactional
    public void create(Actor actor, EvaluationEntity e, String model, String dataset) {
        em.persist(e);
        audit(
                actor,
                e,
                "evaluation.start",
                Json.createObjectBuilder()
                        .add("model", model)
                        .add("dataset", dataset)
                        .build()
                        .toString());
    }

    /** The row, whoever asks (the caller checks visibility), or NotFoundException. */
    public EvaluationEntity find(UUID id) {
        EvaluationEntity e = id == null ? null : em.find(EvaluationEntity.class, id);
        if (e == null) {
            throw new NotFoundException("There is no evaluation " + id + ".");
        }
        return e;
    }

    /**
     * The newest evaluations first, at most {@code limit}, that the actor may see (see {@link
     * EvaluationAccess}), optionally only on one dataset, of one model, of one version, in one
     * status.
     */
    public List<EvaluationEntity> visible(
            Actor actor,
            UUID datasetId,
            UUID modelId,
            UUID versionId,
            EvaluationStatus status,
            int limit) {
        StringBuilder jpql = new StringBuilder("select e from EvaluationEntity e where 1 = 1");
        boolean tenantFilter = !actor.isCurator();
        if (tenantFilter) {
            jpql.append(" and (e.publicResult = true or e.shared = true");
            if (actor.tenant() != null) {
                jpql.append(" or e.tenantId = :tenant");
            }
            jpql.append(")");
        }
        if (datasetId != null) {
            jpql.append(" and e.datasetId = :dataset");
        }
        if (modelId != null) {
            jpql.append(" and e.modelId = :model");
        }
        if (versionId != null) {
            jpql.append(" and e.versionId = :version");
        }
        if (status != null) {
            jpql.append(" and e.status = :status");
        }
        jpql.append(" order by e.createdAt desc, e.id");
        TypedQuery<EvaluationEntity> q = em.createQuery(jpql.toString(), EvaluationEntity.class);
        if (tenantFilter && actor.tenant() != null) {
            q.setParameter("tenant", actor.tenant().value());
        }
        if (datasetId != null) {
            q.setParameter("dataset", datasetId);
        }
        if (modelId != null) {
            q.setParameter("model", modelId);
        }
        if (versionId != null) {
            q.setParameter("version", versionId);
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        return q.setMaxResults(limit).getResultList();
    }

    /** Jobs of a tenant (null: the curators') that are queued or running. */
    public long unfinished(String tenantId) {
        String where = tenantId == null ? "e.tenantId is null" : "e.tenantId = :t";
        TypedQuery<Long> q =
                em.createQuery(
                        "select count(e) from EvaluationEntity e where "
                                + where
                                + " and e.status in :s",
                        Long.class);
        if (tenantId != null) {
            q.setParameter("t", tenantId);
        }
        return q.setParameter("s", List.of(EvaluationStatus.QUEUED, EvaluationStatus.RUNNING))
                .getSingleResult();
    }

    /** QUEUED to RUNNING; false if it is no longer queued (cancelled meanwhile). */
    @Transactional
    public boolean claim(UUID id) {
        return em.createQuery(
                                "update EvaluationEntity e set e.status = :running,"
                                        + " e.startedAt = :now where e.id = :id and e.status ="
                                        + " :queued")
                        .setParameter("running", EvaluationStatus.RUNNING)
                        .setParameter("now", now())
                        .setParameter("id", id)
                        .setParameter("queued", EvaluationStatus.QUEUED)
                        .executeUpdate()
                == 1;
    }

    /** The job has opened the dataset: how many items, and which content exactly. */
    @Transactional
    public void opened(UUID id, int total, String datasetSha256) {
        em.createQuery(
                        "update EvaluationEntity e set e.itemsTotal = :total, e.datasetSha256 ="
                                + " :sha where e.id = :id")
                .setParameter("total", total)
                .setParameter("sha", datasetSha256)
                .setParameter("id", id)
                .executeUpdate();
    }

    @Transactional
    public void progress(UUID id, int done, int total) {
        em.createQuery(
                        "update EvaluationEntity e set e.itemsDone = :done, e.itemsTotal = :total"
                                + " where e.id = :id and e.status = :running")
                .setParameter("done", done)
                .setParameter("total", total)
                .setParameter("id", id)
                .setParameter("running", EvaluationStatus.RUNNING)
                .executeUpdate();
    }

    @Transactional
    public void succeeded(UUID id, int done, String metrics, long durationMs) {
        finish(id, EvaluationStatus.SUCCEEDED, done, metrics, null, durationMs);
    }

    @Transactional
    public void failed(UUID id, int done, String reason, Long durationMs) {
        finish(id, EvaluationStatus.FAILED, done, null, reason, durationMs);
    }

    @Transactional
    public void cancelled(UUID id, int done, long durationMs) {
        finish(id, EvaluationStatus.CANCELLED, done, null, "cancelled", durationMs);
    }

    private void finish(
            UUID id,
            EvaluationStatus status,
            int done,
            String metrics,
            String reason,
            Long durationMs) {
        em.createQuery(
                        "update EvaluationEntity e set e.status = :status, e.itemsDone = :done,"
                                + " e.metrics = :metrics, e.failureReason = :reason,"
                                + " e.durationMs = :duration, e.finishedAt = :now"
                                + " where e.id = :id and e.status = :running")
                .setParameter("status", status)
                .setParameter("done", done)
                .setParameter("metrics", metrics)
                .setParameter("reason", reason == null ? null : cut(reason, 2000))
                .setParameter("duration", durationMs)
                .setParameter("now", now())
                .setParameter("id", id)
                .setParameter("running", EvaluationStatus.RUNNING)
                .executeUpdate();
    }

    /** Audits a cancellation request; a queued job ends at once (true), a running one later. */
    @Transactional
    public boolean cancel(Actor actor, UUID id) {
        EvaluationEntity e = find(id);
        audit(actor, e, "evaluation.cancel", "{\"status\":\"" + e.status + "\"}");
        return em.createQuery(
                                "update EvaluationEntity e set e.status = :cancelled,"
                                        + " e.failureReason = :reason, e.finishedAt = :now"
                                        + " where e.id = :id and e.status = :queued")
                        .setParameter("cancelled", EvaluationStatus.CANCELLED)
                        .setParameter("reason", "cancelled before it started")
                        .setParameter("now", now())
                        .setParameter("id", id)
                        .setParameter("queued", EvaluationStatus.QUEUED)
                        .executeUpdate()
                == 1;
    }

    @Transactional
    public void share(Actor actor, UUID id, boolean shared) {
        em.createQuery("update EvaluationEntity e set e.shared = :shared where e.id = :id")
                .setParameter("shared", shared)
                .setParameter("id", id)
                .executeUpdate();
        audit(actor, find(id), shared ? "evaluation.share" : "evaluation.unshare", "{}");
    }

    /**
     * At start-up, before any job runs: jobs left QUEUED or RUNNING by the previous run of the hub
     * will never finish, so they are marked FAILED with the reason.
     */
    @Transactional
    public int failInterrupted() {
        return em.createQuery(
                        "update EvaluationEntity e set e.status = :failed, e.failureReason ="
                                + " :reason, e.finishedAt = :now where e.status in :unfinished")
                .setParameter("failed", EvaluationStatus.FAILED)
                .setParameter("reason", INTERRUPTED)
                .setParameter("now", now())
                .setParameter(
                        "unfinished", List.of(EvaluationStatus.QUEUED, EvaluationStatus.RUNNING))
                .executeUpdate();
    }

    private void audit(Actor actor, EvaluationEntity e, String action, String details) {
        audit.record(
                actor.user(),
                e.tenantId == null ? null : TenantId.of(e.tenantId),
                action,
                "evaluation",
                e.id.toString(),
                details);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
