package de.kihub.registry.model.internal;

import de.kihub.registry.Texts;
import de.kihub.registry.access.Actor;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.community.Communities;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.CatalogVocabulary;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelCreate;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.ModelUpdate;
import de.kihub.registry.model.Models;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Catalog entries backed by tables {@code model}, {@code model_tag}, {@code model_community}. */
@ApplicationScoped
public class JpaModels implements Models {
    static final int MAX_LIST = 500;

    @PersistenceContext EntityManager em;

    @Inject AuditLog audit;

    @Inject ModelLookup lookup;

    @Inject Communities communities;

    @Override
    @Transactional
    public Model create(Actor actor, ModelCreate create) {
        if (actor.tenant() == null) {
            throw new ForbiddenException("Only a member of a tenant can own a model.");
        }
        actor.requireRoleIn(actor.tenant(), Actor.PUBLISHER);
        ModelRef ref = new ModelRef(actor.tenant(), create.name());
        if (exists(ref)) {
            throw new ConflictException("The model '" + ref + "' exists already.");
        }
        ModelEntity e = new ModelEntity();
        e.id = UUID.randomUUID();
        e.ownerId = ref.owner().value();
        e.name = ref.name();
        e.createdAt = now();
        e.createdBy = actor.user();
        e.updatedAt = e.createdAt;
        e.visibility = Visibility.PRIVATE;
        apply(
                e,
                new ModelUpdate(
                        require(create.displayName(), "displayName"),
                        create.description(),
                        Texts.required(create.task(), "task", 60),
                        Texts.required(create.domain(), "domain", 100),
                        Texts.required(create.license(), "license", 100),
                        create.riskClass(),
                        create.maturity(),
                        create.tags(),
                        create.visibility() == null ? Visibility.PRIVATE : create.visibility(),
                        create.communities()),
                actor);
        em.persist(e);
        audit.record(
                actor.user(),
                ref.owner(),
                "model.created",
                "model",
                ref.toString(),
                "visibility " + e.visibility + describeRequest(e) + describeDeclarations(e));
        return ModelMapper.toModel(e);
    }

    @Override
    public Model get(Actor actor, ModelRef ref) {
        return ModelMapper.toModel(lookup.visible(actor, ref));
    }

    @Override
    @Transactional
    public Model update(Actor actor, ModelRef ref, ModelUpdate update) {
        // locked: deployments record their usage on the same row at any time (ModelUsage)
        ModelEntity e = lookup.visible(actor, ref, LockModeType.PESSIMISTIC_WRITE);
        actor.requireRoleIn(ref.owner(), Actor.PUBLISHER);
        Model before = ModelMapper.toModel(e);
        apply(e, update, actor);
        Model after = ModelMapper.toModel(e);
        if (!before.equals(after)) {
            e.updatedAt = now();
            audit.record(
                    actor.user(),
                    ref.owner(),
                    "model.updated",
                    "model",
                    ref.toString(),
                    ModelDiff.describe(before, after));
        }
        return ModelMapper.toModel(e);
    }

    @Override
    public List<Model> list(Actor actor, int limit) {
        return em.createQuery(
                        "select m from ModelEntity m order by m.createdAt desc", ModelEntity.class)
                .getResultStream()
                .filter(m -> lookup.canSee(actor, m))
                .limit(Math.min(Math.max(limit, 1), MAX_LIST))
                .map(ModelMapper::toModel)
                .toList();
    }

    private boolean exists(ModelRef ref) {
        return !em.createQuery(
                        "select m.id from ModelEntity m where m.ownerId = :o and m.name = :n",
                        UUID.class)
                .setParameter("o", ref.owner().value())
                .setParameter("n", ref.name())
                .getResultList()
                .isEmpty();
    }

    /** Applies every non-null field after validating it; PUBLIC only ever becomes a request. */
    private void apply(ModelEntity e, ModelUpdate u, Actor actor) {
        if (u.displayName() != null) {
            e.displayNameDe = Texts.required(u.displayName().de(), "displayName.de", 200);
            e.displayNameEn = Texts.required(u.displayName().en(), "displayName.en", 200);
        }
        if (u.description() != null) {
            e.descriptionDe = Texts.optional(u.description().de(), "description.de", 4000);
            e.descriptionEn = Texts.optional(u.description().en(), "description.en", 4000);
        }
        if (u.task() != null) {
            e.task = CatalogVocabulary.task(u.task());
        }
        if (u.domain() != null) {
            e.domain = CatalogVocabulary.domain(u.domain());
        }
        if (u.license() != null) {
            e.license = CatalogVocabulary.license(u.license());
        }
        if (u.riskClass() != null) {
            e.riskClass = CatalogVocabulary.riskClass(u.riskClass());
        }
        if (u.maturity() != null) {
            e.maturity = CatalogVocabulary.maturity(u.maturity());
        }
        if (u.tags() != null) {
            e.tags = new LinkedHashSet<>(CatalogVocabulary.tags(u.tags()));
        }
        if (u.communities() != null) {
            e.communities = sharedCommunities(u.communities(), TenantId.of(e.ownerId));
        }
        if (u.visibility() != null) {
            applyVisibility(e, u.visibility(), actor);
        }
    }

    private void applyVisibility(ModelEntity e, Visibility wanted, Actor actor) {
        switch (wanted) {
            case PUBLIC -> {
                if (e.visibility != Visibility.PUBLIC) {
                    e.requestedVisibility = Visibility.PUBLIC;
                }
            }
            case COMMUNITY -> {
                if (e.communities.isEmpty()) {
                    throw new InvalidRequestException(
                            "Visibility COMMUNITY needs at least one community in 'communities'.");
                }
                e.visibility = Visibility.COMMUNITY;
                e.requestedVisibility = null;
            }
            case PRIVATE -> {
                e.visibility = Visibility.PRIVATE;
                e.requestedVisibility = null;
            }
        }
    }

    private Set<String> sharedCommunities(List<String> ids, TenantId owner) {
        Set<CommunityId> ownerCommunities = communities.of(owner);
        Set<String> result = new LinkedHashSet<>();
        for (String id : ids) {
            CommunityId c = CommunityId.of(id);
            if (!ownerCommunities.contains(c)) {
                throw new InvalidRequestException(
                        "Tenant '" + owner + "' is not a member of community '" + c + "'.");
            }
            result.add(c.value());
        }
        return result;
    }

    private static String describeDeclarations(ModelEntity e) {
        return (e.riskClass == null ? "" : ", riskClass " + e.riskClass)
                + (e.maturity == null ? "" : ", maturity " + e.maturity);
    }

    private static LocalizedText require(LocalizedText text, String field) {
        if (text == null) {
            throw new InvalidRequestException("'" + field + "' is required (de and en).");
        }
        return text;
    }

    private static String describeRequest(ModelEntity e) {
        return e.requestedVisibility == null
                ? ""
                : ", requested "
                        + e.requestedVisibility
                        + " (takes effect on a curator's approval)";
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
