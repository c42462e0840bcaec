package de.kihub.registry.model.internal;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.Communities;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.tenant.TenantId;
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
}
