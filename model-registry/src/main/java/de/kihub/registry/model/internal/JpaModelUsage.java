package de.kihub.registry.model.internal;

import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.IntSupplier;

/** Usage counts on table {@code model}; changing the row makes the search index pick them up. */
@ApplicationScoped
public class JpaModelUsage implements ModelUsage {

    @PersistenceContext EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordActiveTenants(UUID modelId, IntSupplier activeTenants) {
        ModelEntity model = em.find(ModelEntity.class, modelId);
        if (model == null) {
            throw new NotFoundException("There is no model " + modelId + ".");
        }
        // refresh, not find with a lock: the row may have changed since this transaction read it
        em.refresh(model, LockModeType.PESSIMISTIC_WRITE);
        int tenants = activeTenants.getAsInt();
        if (tenants < 0) {
            throw new IllegalArgumentException("negative tenant count " + tenants);
        }
        model.activeTenants = tenants;
    }
}
