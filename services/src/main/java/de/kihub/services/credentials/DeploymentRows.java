package de.kihub.services.credentials;

import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * The credentials' view of table {@code deployment}, read with SQL because the deployment entity
 * belongs to the deployments feature.
 */
final class DeploymentRows {
    private DeploymentRows() {}

    /**
     * Locks the deployment's row until the transaction ends, so that concurrent creations cannot
     * exceed the limit of active credentials; NotFoundException unless it exists for the tenant,
     * ConflictException when it is retired.
     */
    static void lockForNewCredential(EntityManager em, UUID deploymentId, TenantId tenant) {
        List<?> rows =
                deploymentId == null
                        ? List.of()
                        : em.createNativeQuery(
                                        "select tenant_id, status from deployment"
                                                + " where id = ?1 for update")
                                .setParameter(1, deploymentId)
                                .getResultList();
        if (rows.isEmpty() || !tenant.value().equals(((Object[]) rows.get(0))[0])) {
            throw new NotFoundException("There is no deployment " + deploymentId + ".");
        }
        if ("RETIRED".equals(((Object[]) rows.get(0))[1])) {
            throw new ConflictException(
                    "Deployment " + deploymentId + " is retired; it takes no new credentials.");
        }
    }
}
