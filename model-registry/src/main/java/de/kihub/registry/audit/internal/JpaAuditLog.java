package de.kihub.registry.audit.internal;

import de.kihub.registry.audit.AuditEvent;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Audit log backed by the {@code audit_event} table. */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {
    private static final int MAX_DETAILS = 4000;

    @PersistenceContext EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(
            String actor,
            TenantId tenant,
            String action,
            String objectType,
            String objectId,
            String details) {
        AuditEventEntity e =
                new AuditEventEntity(
                        UUID.randomUUID(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        actor,
                        tenant == null ? null : tenant.value(),
                        action,
                        objectType,
                        objectId,
                        details == null || details.length() <= MAX_DETAILS
                                ? details
                                : details.substring(0, MAX_DETAILS));
        em.persist(e);
        return toEvent(e);
    }

    @Override
    public List<AuditEvent> latest(TenantId tenant, int limit) {
        TypedQuery<AuditEventEntity> q =
                tenant == null
                        ? em.createQuery(
                                "select e from AuditEventEntity e order by e.occurredAt desc",
                                AuditEventEntity.class)
                        : em.createQuery(
                                        "select e from AuditEventEntity e where e.tenantId = :t"
                                                + " order by e.occurredAt desc",
                                        AuditEventEntity.class)
                                .setParameter("t", tenant.value());
        return q.setMaxResults(limit).getResultStream().map(JpaAuditLog::toEvent).toList();
    }

    private static AuditEvent toEvent(AuditEventEntity e) {
        return new AuditEvent(
                e.id,
                e.occurredAt,
                e.actor,
                e.tenantId == null ? null : TenantId.of(e.tenantId),
                e.action,
                e.objectType,
                e.objectId,
                e.details);
    }
}
