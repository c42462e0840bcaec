package de.kihub.registry.model.internal;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.Communities;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.SemanticVersion;
import de.kihub.registry.version.VersionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Finds a model for an actor. A model the actor may not see answers exactly like one that does not
 * exist, so that nobody learns another tenant's private models.
 */
@ApplicationScoped
public class ModelLookup {

    @PersistenceContext EntityManager em;

    @Inject Communities communities;

    ModelEntity visible(Actor actor, ModelRef ref) {
        return visible(actor, ref, LockModeType.NONE);
    }

    ModelEntity visible(Actor actor, ModelRef ref, LockModeType lock) {
        ModelEntity model =
                em.createQuery(
                                "select m from ModelEntity m where m.ownerId = :o and m.name = :n",
                                ModelEntity.class)
                        .setParameter("o", ref.owner().value())
                        .setParameter("n", ref.name())
                        .setLockMode(lock)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (model == null || !canSee(actor, model)) {
            throw new NotFoundException("There is no model '" + ref + "'.");
        }
        return model;
    }

    boolean canSee(Actor actor, ModelEntity model) {
        return ModelAccess.canSee(
                actor,
                TenantId.of(model.ownerId),
                model.visibility,
                model.communities,
                communities.of(actor.tenant()));
    }

    /** A version of the model that the actor may see, or NotFoundException. */
    ModelVersionEntity version(Actor actor, ModelEntity model, String version) {
        String normalized = SemanticVersion.parse(version).toString();
        ModelVersionEntity v = find(model, normalized);
        if (v == null || !ModelAccess.canSeeVersion(actor, TenantId.of(model.ownerId), v.status)) {
            throw new NotFoundException(
                    "There is no version "
                            + version
                            + " of '"
                            + model.ownerId
                            + "/"
                            + model.name
                            + "'.");
        }
        return v;
    }

    ModelVersionEntity find(ModelEntity model, String version) {
        return em.createQuery(
                        "select v from ModelVersionEntity v where v.modelId = :m and v.version = :v",
                        ModelVersionEntity.class)
                .setParameter("m", model.id)
                .setParameter("v", version)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Only drafts change; published versions are fixed (they are deprecated, then archived). */
    static void requireDraft(ModelVersionEntity v) {
        if (v.status != VersionStatus.DRAFT) {
            throw new ConflictException(
                    "Version " + v.version + " is " + v.status + "; only a DRAFT can be changed.");
        }
    }

    /** A draft version and its model, as changed by {@link #draftToChange}. */
    record Draft(ModelEntity model, ModelVersionEntity version) {}

    /**
     * The draft version the actor, a publisher of the owner tenant, is about to change; locked for
     * the rest of the transaction so that concurrent changes of one draft are serialised.
     */
    Draft draftToChange(Actor actor, ModelRef ref, String version) {
        ModelEntity model = visible(actor, ref);
        ModelVersionEntity v = version(actor, model, version);
        actor.requireRoleIn(ref.owner(), Actor.PUBLISHER);
        em.lock(v, LockModeType.PESSIMISTIC_WRITE);
        requireDraft(v);
        return new Draft(model, v);
    }
}
