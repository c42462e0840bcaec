package de.kihub.services.credentials;

import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Machine credentials of deployments: issue, list, rotate, revoke, and authenticate presented keys.
 * Who may do this is checked by the caller; every change is audited in its transaction.
 */
@ApplicationScoped
public class MachineCredentials {
    /** Unrevoked credentials a deployment may have at once. */
    public static final int MAX_ACTIVE_PER_DEPLOYMENT = 20;

    private static final Logger LOG = Logger.getLogger(MachineCredentials.class.getName());
    private static final String OBJECT_TYPE = "machine-credential";
    private static final Duration LAST_USE_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_CACHED_KEYS = 10_000;

    @PersistenceContext EntityManager em;

    @Inject AuditLog audit;

    @Inject LastUseRecorder lastUse;

    @Inject Event<KeysWithdrawn> withdrawn;

    @Inject
    @ConfigProperty(name = "kihub.credentials.cache-seconds", defaultValue = "2")
    int cacheSeconds;

    private final ApiKeys keys = new ApiKeys();
    private final LastUseThrottle throttle = new LastUseThrottle(LAST_USE_INTERVAL);
    private VerifiedKeyCache cache;

    @PostConstruct
    void init() {
        cache =
                new VerifiedKeyCache(
                        Duration.ofSeconds(Math.max(0, cacheSeconds)),
                        System::nanoTime,
                        MAX_CACHED_KEYS);
    }

    @Transactional
    public IssuedCredential create(
            UUID deploymentId, TenantId tenant, String name, String actorUser) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actorUser, "actorUser");
        String checkedName = CredentialNames.require(name);
        DeploymentRows.lockForNewCredential(em, deploymentId, tenant);
        long active =
                em.createQuery(
                                "select count(c) from MachineCredentialEntity c"
                                        + " where c.deploymentId = :d and c.revokedAt is null",
                                Long.class)
                        .setParameter("d", deploymentId)
                        .getSingleResult();
        if (active >= MAX_ACTIVE_PER_DEPLOYMENT) {
            throw new ConflictException(
                    "Deployment "
                            + deploymentId
                            + " has "
                            + MAX_ACTIVE_PER_DEPLOYMENT
                            + " active credentials already; revoke one first.");
        }
        ApiKeys.NewKey key = keys.newKey();
        MachineCredentialEntity c = new MachineCredentialEntity();
        c.id = UUID.randomUUID();
        c.deploymentId = deploymentId;
        c.tenantId = tenant.value();
        c.name = checkedName;
        c.keyId = key.keyId();
        c.salt = key.salt();
        c.secretHash = key.secretHash();
        c.createdBy = actorUser;
        c.createdAt = now();
        em.persist(c);
        audit.record(
                actorUser,
                tenant,
                "credential.create",
                OBJECT_TYPE,
                c.id.toString(),
                "deployment " + deploymentId + ", name '" + c.name + "', key id " + c.keyId);
        return new IssuedCredential(c.id, c.name, key.key(), c.keyId, c.createdAt);
    }

    /** All credentials of the deployment, revoked ones too, newest first; never a secret. */
    public List<CredentialInfo> list(UUID deploymentId) {
        return em
                .createQuery(
                        "select c from MachineCredentialEntity c where c.deploymentId = :d"
                                + " order by c.createdAt desc, c.id",
                        MachineCredentialEntity.class)
                .setParameter("d", deploymentId)
                .getResultList()
                .stream()
                .map(MachineCredentials::toInfo)
                .toList();
    }

    /** A new key id and secret for the credential; the old key stops working at once. */
    @Transactional
    public IssuedCredential rotate(UUID deploymentId, UUID credentialId, String actorUser) {
        MachineCredentialEntity c = lockedCredential(deploymentId, credentialId);
        if (c.revokedAt != null) {
            throw new ConflictException(
                    "Credential " + credentialId + " is revoked; create a new one instead.");
        }
        String oldKeyId = c.keyId;
        ApiKeys.NewKey key = keys.newKey();
        c.keyId = key.keyId();
        c.salt = key.salt();
        c.secretHash = key.secretHash();
        c.rotatedAt = now();
        audit.record(
                actorUser,
                TenantId.of(c.tenantId),
                "credential.rotate",
                OBJECT_TYPE,
                c.id.toString(),
                "key id " + oldKeyId + " -> " + c.keyId);
        withdrawn.fire(new KeysWithdrawn(List.of(oldKeyId), List.of()));
        return new IssuedCredential(c.id, c.name, key.key(), c.keyId, c.createdAt);
    }

    /** Revokes the credential; revoking it a second time is a conflict. */
    @Transactional
    public CredentialInfo revoke(UUID deploymentId, UUID credentialId, String actorUser) {
        MachineCredentialEntity c = lockedCredential(deploymentId, credentialId);
        if (c.revokedAt != null) {
            throw new ConflictException(
                    "Credential " + credentialId + " was revoked already at " + c.revokedAt + ".");
        }
        markRevoked(c, actorUser, now(), "key id " + c.keyId);
        withdrawn.fire(new KeysWithdrawn(List.of(c.keyId), List.of(c.id)));
        return toInfo(c);
    }

    /** Revokes every unrevoked credential of the deployment (it is retired); returns how many. */
    @Transactional
    public int revokeAll(UUID deploymentId, String actorUser) {
        List<MachineCredentialEntity> active =
                em.createQuery(
                                "select c from MachineCredentialEntity c"
                                        + " where c.deploymentId = :d and c.revokedAt is null",
                                MachineCredentialEntity.class)
                        .setParameter("d", deploymentId)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
        Instant now = now();
        for (MachineCredentialEntity c : active) {
            markRevoked(c, actorUser, now, "key id " + c.keyId + ", all keys of the deployment");
        }
        if (!active.isEmpty()) {
            withdrawn.fire(
                    new KeysWithdrawn(
                            active.stream().map(c -> c.keyId).toList(),
                            active.stream().map(c -> c.id).toList()));
        }
        return active.size();
    }

    /**
     * The machine the key belongs to; empty for a malformed, unknown or revoked key or a wrong
     * secret. A verified key is cached for {@code kihub.credentials.cache-seconds} (default 2), so
     * a change made on another server takes effect within that time.
     */
    public Optional<MachinePrincipal> authenticate(String presentedKey) {
        Optional<ApiKeys.PresentedKey> parsed = ApiKeys.parse(presentedKey);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ApiKeys.PresentedKey key = parsed.get();
        Optional<VerifiedKeyCache.Entry> cached = cache.get(key.keyId());
        Optional<MachinePrincipal> principal =
                cached.isPresent()
                        ? cached.filter(e -> key.matches(e.salt(), e.secretHash()))
                                .map(VerifiedKeyCache.Entry::principal)
                        : verifyStored(key);
        principal.ifPresent(p -> noteUse(p.credentialId()));
        return principal;
    }

    private Optional<MachinePrincipal> verifyStored(ApiKeys.PresentedKey key) {
        Optional<MachineCredentialEntity> stored =
                em
                        .createQuery(
                                "select c from MachineCredentialEntity c where c.keyId = :k",
                                MachineCredentialEntity.class)
                        .setParameter("k", key.keyId())
                        .getResultList()
                        .stream()
                        .findFirst();
        if (stored.isEmpty()
                || stored.get().revokedAt != null
                || !key.matches(stored.get().salt, stored.get().secretHash)) {
            return Optional.empty();
        }
        MachineCredentialEntity c = stored.get();
        MachinePrincipal principal =
                new MachinePrincipal(
                        c.id, c.name, c.keyId, c.deploymentId, TenantId.of(c.tenantId));
        cache.put(principal, c.salt, c.secretHash);
        return Optional.of(principal);
    }

    /** Bookkeeping only: a failed write is logged and does not refuse the request. */
    private void noteUse(UUID credentialId) {
        Instant now = now();
        if (!throttle.due(credentialId, now)) {
            return;
        }
        try {
            lastUse.record(credentialId, now, LAST_USE_INTERVAL);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not record the last use of credential " + credentialId,
                    e);
        }
    }

    /**
     * Forgets withdrawn keys after the change has committed: evicting earlier would let a request
     * in between cache the old row again. A request that read the old row just before the commit
     * may still cache it, for at most the cache's few seconds.
     */
    void onKeysWithdrawn(@Observes(during = TransactionPhase.AFTER_COMPLETION) KeysWithdrawn w) {
        w.keyIds().forEach(cache::evict);
        w.revokedCredentialIds().forEach(throttle::forget);
    }

    private MachineCredentialEntity lockedCredential(UUID deploymentId, UUID credentialId) {
        MachineCredentialEntity c =
                credentialId == null
                        ? null
                        : em.find(
                                MachineCredentialEntity.class,
                                credentialId,
                                LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.deploymentId.equals(deploymentId)) {
            throw new NotFoundException(
                    "Deployment " + deploymentId + " has no credential " + credentialId + ".");
        }
        return c;
    }

    private void markRevoked(
            MachineCredentialEntity c, String actorUser, Instant at, String details) {
        c.revokedBy = Objects.requireNonNull(actorUser, "actorUser");
        c.revokedAt = at;
        audit.record(
                actorUser,
                TenantId.of(c.tenantId),
                "credential.revoke",
                OBJECT_TYPE,
                c.id.toString(),
                details);
    }

    private static CredentialInfo toInfo(MachineCredentialEntity c) {
        return new CredentialInfo(
                c.id,
                c.name,
                c.keyId,
                c.createdBy,
                c.createdAt,
                c.rotatedAt,
                c.revokedBy,
                c.revokedAt,
                c.lastUsedAt);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
