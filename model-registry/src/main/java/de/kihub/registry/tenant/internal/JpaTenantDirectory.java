package de.kihub.registry.tenant.internal;

import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.tenant.Tenant;
import de.kihub.registry.tenant.TenantDirectory;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.tenant.TenantKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenant directory backed by the {@code tenant} table. Registered tenants are remembered, so that
 * the check on every signed-in request costs no query once a tenant is known (tenants are never
 * renamed or removed through the hub).
 */
@ApplicationScoped
public class JpaTenantDirectory implements TenantDirectory {

    private final Map<String, Tenant> registered = new ConcurrentHashMap<>();

    @PersistenceContext EntityManager em;

    @Inject AuditLog audit;

    @Override
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(em.find(TenantEntity.class, id.value()))
                .map(TenantMapper::toTenant);
    }

    @Override
    public List<Tenant> list() {
        return em.createQuery("select t from TenantEntity t order by t.id", TenantEntity.class)
                .getResultStream()
                .map(TenantMapper::toTenant)
                .toList();
    }

    /**
     * Runs in its own transaction: when two first requests of a new tenant race, the loser's
     * duplicate insert fails here and must not mark the caller's transaction for rollback.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Tenant ensureRegistered(TenantId id, String displayName, TenantKind kind, String actor) {
        Tenant known = registered.get(id.value());
        if (known != null) {
            return known;
        }
        TenantEntity existing = em.find(TenantEntity.class, id.value());
        if (existing != null) {
            return remember(TenantMapper.toTenant(existing));
        }
        String name = displayName == null || displayName.isBlank() ? id.value() : displayName;
        TenantEntity created =
                new TenantEntity(
                        id.value(),
                        name.length() > 200 ? name.substring(0, 200) : name,
                        kind == null ? TenantKind.OTHER : kind,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS));
        em.persist(created);
        audit.record(actor, id, "tenant.registered", "tenant", id.value(), "first sign-in");
        return TenantMapper.toTenant(created);
    }

    private Tenant remember(Tenant tenant) {
        registered.put(tenant.id().value(), tenant);
        return tenant;
    }
}
