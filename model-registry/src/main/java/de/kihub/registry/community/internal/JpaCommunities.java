package de.kihub.registry.community.internal;

import de.kihub.registry.Texts;
import de.kihub.registry.access.Actor;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.community.Communities;
import de.kihub.registry.community.Community;
import de.kihub.registry.community.CommunityCreate;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantDirectory;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Communities backed by tables {@code community} and {@code community_member}. */
@ApplicationScoped
public class JpaCommunities implements Communities {

    @PersistenceContext EntityManager em;

    @Inject AuditLog audit;

    @Inject TenantDirectory tenants;

    @Override
    @Transactional
    public Community create(Actor actor, CommunityCreate create) {
        actor.requireCurator();
        CommunityId id = CommunityId.of(create.id());
        if (em.find(CommunityEntity.class, id.value()) != null) {
            throw new ConflictException("A community '" + id + "' exists already.");
        }
        CommunityEntity e =
                new CommunityEntity(
                        id.value(),
                        Texts.required(create.displayName(), "displayName", 200),
                        Texts.optional(create.description(), "description", 2000),
                        now(),
                        actor.user());
        em.persist(e);
        audit.record(actor.user(), null, "community.created", "community", id.value(), null);
        return toCommunity(e);
    }

    @Override
    @Transactional
    public Community join(Actor actor, CommunityId community, TenantId tenant) {
        requireAdminOf(actor, tenant);
        CommunityEntity e = find(community);
        if (tenants.find(tenant).isEmpty()) {
            throw new NotFoundException("Tenant '" + tenant + "' is not known to the hub.");
        }
        if (e.members.stream().noneMatch(m -> m.tenantId.equals(tenant.value()))) {
            e.members.add(new CommunityEntity.Membership(tenant.value(), now()));
            audit.record(
                    actor.user(), tenant, "community.joined", "community", community.value(), null);
        }
        return toCommunity(e);
    }

    @Override
    @Transactional
    public Community leave(Actor actor, CommunityId community, TenantId tenant) {
        requireAdminOf(actor, tenant);
        CommunityEntity e = find(community);
        if (e.members.removeIf(m -> m.tenantId.equals(tenant.value()))) {
            audit.record(
                    actor.user(), tenant, "community.left", "community", community.value(), null);
        }
        return toCommunity(e);
    }

    @Override
    public List<Community> list() {
        return em.createQuery(
                        "select c from CommunityEntity c order by c.id", CommunityEntity.class)
                .getResultStream()
                .map(JpaCommunities::toCommunity)
                .toList();
    }

    @Override
    public Community get(CommunityId id) {
        return toCommunity(find(id));
    }

    @Override
    public Set<CommunityId> of(TenantId tenant) {
        if (tenant == null) {
            return Set.of();
        }
        return em.createQuery(
                        "select c.id from CommunityEntity c join c.members m"
                                + " where m.tenantId = :t",
                        String.class)
                .setParameter("t", tenant.value())
                .getResultStream()
                .map(CommunityId::of)
                .collect(Collectors.toSet());
    }

    private CommunityEntity find(CommunityId id) {
        CommunityEntity e = em.find(CommunityEntity.class, id.value());
        if (e == null) {
            throw new NotFoundException("There is no community '" + id + "'.");
        }
        return e;
    }

    private static void requireAdminOf(Actor actor, TenantId tenant) {
        if (!actor.isCurator() && !(actor.belongsTo(tenant) && actor.has(Actor.TENANT_ADMIN))) {
            throw new ForbiddenException(
                    "Only a curator or a tenant admin of '"
                            + tenant
                            + "' may change its membership.");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static Community toCommunity(CommunityEntity e) {
        return new Community(
                CommunityId.of(e.id),
                e.displayName,
                e.description,
                e.members.stream()
                        .map(m -> TenantId.of(m.tenantId))
                        .sorted(java.util.Comparator.comparing(TenantId::value))
                        .toList(),
                e.createdAt);
    }
}
