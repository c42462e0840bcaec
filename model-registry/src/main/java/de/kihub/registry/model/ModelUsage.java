package de.kihub.registry.model;

import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * How many municipalities use a model ("genutzt von N Kommunen"), kept on the catalog entry so that
 * search can show it and sort by it. Deployments live in another module; they tell the registry.
 */
public interface ModelUsage {

    /**
     * Records the number of tenants with an ACTIVE deployment of the model; a system call without
     * an actor, in the caller's transaction (which must exist). The model's row is locked before
     * {@code activeTenants} is asked to count, so that two deployments changing at the same time
     * are counted one after the other and neither count is lost.
     */
    void recordActiveTenants(UUID modelId, IntSupplier activeTenants);
}
