package de.kihub.services.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a credential's {@code last_used_at}. Runs in its own transaction so that this bookkeeping
 * can neither fail nor hold locks in the caller's request; used by {@link MachineCredentials} only.
 */
@ApplicationScoped
public class LastUseRecorder {

    @PersistenceContext EntityManager em;

    /**
     * Sets the time of use unless the stored one is less than {@code interval} old, so that several
     * servers together still write about once per interval.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID credentialId, Instant usedAt, Duration interval) {
        em.createQuery(
                        "update MachineCredentialEntity c set c.lastUsedAt = :usedAt"
                                + " where c.id = :id"
                                + " and (c.lastUsedAt is null or c.lastUsedAt <= :before)")
                .setParameter("usedAt", usedAt)
                .setParameter("id", credentialId)
                .setParameter("before", usedAt.minus(interval))
                .executeUpdate();
    }
}
