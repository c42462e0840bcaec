package de.kihub.services.deployment;

import de.kihub.registry.Slugs;
import de.kihub.registry.access.Actor;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelUsage;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.VersionReference;
import de.kihub.registry.version.Versions;
import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.AiActRiskClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The deployments' rows: every change in one transaction with its audit event, every read filtered
 * by tenant. A deployment of another tenant answers exactly like one that does not exist.
 */
@ApplicationScoped
public class DeploymentStore {
    static final String[] OPERATORS = {Actor.DEPLOYER, Actor.TENANT_ADMIN};
    static final String[] PEOPLE = {
        Actor.MEMBER, Actor.DEPLOYER, Actor.TENANT_ADMIN, Actor.DPO, Actor.PUBLISHER
    };

    @PersistenceContext EntityManager em;

    @Inject Versions versions;

    @Inject AuditLog audit;

    @Inject ModelUsage usage;

    @Transactional
    public Deployment create(
            Actor actor, TenantId tenant, DeploymentCreate create, VersionReference version) {
        requireRole(actor, tenant, OPERATORS);
        String name = Slugs.require(create.name(), "deployment name");
        boolean taken =
                !em.createQuery(
                                "select d.id from DeploymentEntity d"
                                        + " where d.tenantId = :t and d.name = :n",
                                UUID.class)
                        .setParameter("t", tenant.value())
                        .setParameter("n", name)
                        .getResultList()
                        .isEmpty();
        if (taken) {
            throw new ConflictException(
                    "Tenant '" + tenant + "' already has a deployment named '" + name + "'.");
        }
        Instant now = now();
        DeploymentEntity e = new DeploymentEntity();
        e.id = UUID.randomUUID();
        e.tenantId = tenant.value();
        e.name = name;
        e.modelId = version.modelId();
        e.versionId = version.versionId();
        e.task = version.task();
        e.configuration = TaskConfigurations.normalize(version.task(), create.configuration());
        e.status = DeploymentStatus.PENDING_DOCUMENTATION;
        e.createdBy = actor.user();
        e.createdAt = now;
        e.updatedAt = now;
        em.persist(e);
        audit(
                actor,
                e,
                "deployment.create",
                details("model", version.model() + "@" + version.version()));
        return show(e);
    }

    public List<Deployment> list(Actor actor, TenantId tenant) {
        requireRole(actor, tenant, PEOPLE);
        return em
                .createQuery(
                        "select d from DeploymentEntity d where d.tenantId = :t order by d.createdAt"
                                + " desc",
                        DeploymentEntity.class)
                .setParameter("t", tenant.value())
                .getResultList()
                .stream()
                .map(this::show)
                .toList();
    }

    public Deployment get(Actor actor, TenantId tenant, UUID id) {
        requireRole(actor, tenant, PEOPLE);
        return show(find(tenant, id, LockModeType.NONE));
    }

    /** The row without a role check, for the runtime (the caller has checked who asks). */
    public Deployment get(TenantId tenant, UUID id) {
        return show(find(tenant, id, LockModeType.NONE));
    }

    /** Every people-counting deployment of every tenant (the retention job). */
    public List<Deployment> countingDeployments() {
        return em
                .createQuery(
                        "select d from DeploymentEntity d where d.task = :t",
                        DeploymentEntity.class)
                .setParameter("t", TaskConfigurations.PEOPLE_COUNTING)
                .getResultList()
                .stream()
                .map(this::show)
                .toList();
    }

    @Transactional
    public Deployment configure(Actor actor, TenantId tenant, UUID id, JsonObject configuration) {
        requireRole(actor, tenant, OPERATORS);
        DeploymentEntity e = changeable(tenant, id);
        String before = e.configuration;
        e.configuration = TaskConfigurations.normalize(e.task, configuration);
        touch(e);
        audit(
                actor,
                e,
                "deployment.configure",
                "{\"before\":" + before + ",\"after\":" + e.configuration + "}");
        return show(e);
    }

    /** Checks that the actor may change the deployment's state; returns it as it is now. */
    public Deployment requireOperable(Actor actor, TenantId tenant, UUID id) {
        requireRole(actor, tenant, OPERATORS);
        return show(find(tenant, id, LockModeType.NONE));
    }

    @Transactional
    public Deployment activate(Actor actor, TenantId tenant, UUID id) {
        requireRole(actor, tenant, OPERATORS);
        DeploymentEntity e = find(tenant, id, LockModeType.PESSIMISTIC_WRITE);
        requireActivatable(e);
        if (e.status == DeploymentStatus.PAUSED && !e.signedOff()) {
            throw new ConflictException(
                    "The record was changed after its sign-off; a data-protection officer must"
                            + " sign it off again before the deployment runs.");
        }
        e.status = e.status.activate();
        e.activatedAt = now();
        touch(e);
        recordUsage(e.modelId);
        audit(actor, e, "deployment.activate", "{}");
        return show(e);
    }

    @Transactional
    public Deployment pause(Actor actor, TenantId tenant, UUID id) {
        requireRole(actor, tenant, OPERATORS);
        DeploymentEntity e = find(tenant, id, LockModeType.PESSIMISTIC_WRITE);
        e.status = e.status.pause();
        touch(e);
        recordUsage(e.modelId);
        audit(actor, e, "deployment.pause", "{}");
        return show(e);
    }

    @Transactional
    public Deployment retire(Actor actor, TenantId tenant, UUID id) {
        requireRole(actor, tenant, OPERATORS);
        DeploymentEntity e = find(tenant, id, LockModeType.PESSIMISTIC_WRITE);
        e.status = e.status.retire();
        e.retiredAt = now();
        touch(e);
        recordUsage(e.modelId);
        audit(actor, e, "deployment.retire", "{}");
        return show(e);
    }

    /**
     * Throws unless the EU AI Act questionnaire allows the deployment to run: answered, and no
     * prohibited practice. Checked before the model is loaded and again under the row lock.
     */
    public void requireActivatable(TenantId tenant, UUID id) {
        requireActivatable(find(tenant, id, LockModeType.NONE));
    }

    private static void requireActivatable(DeploymentEntity e) {
        AiActQuestionnaire q = e.questionnaire();
        if (q != null && q.assessment().riskClass() == AiActRiskClass.PROHIBITED) {
            throw new ConflictException(
                    "The deployment cannot be activated: its EU AI Act questionnaire names a"
                            + " prohibited practice ("
                            + q.assessment().reasons().stream()
                                    .map(r -> r.article() + ": " + r.en())
                                    .collect(Collectors.joining(" "))
                            + ").");
        }
        if (q == null) {
            throw new ConflictException(
                    "The deployment cannot be activated: its EU AI Act questionnaire is not"
                            + " answered (PUT .../record/questionnaire); after that the record must"
                            + " be signed off by a data-protection officer of the tenant.");
        }
    }

    /** Switches to another version of the same model, keeping the configuration. */
    @Transactional
    public Deployment changeVersion(
            Actor actor, TenantId tenant, UUID id, VersionReference target, String action) {
        requireRole(actor, tenant, OPERATORS);
        DeploymentEntity e = changeable(tenant, id);
        if (!target.modelId().equals(e.modelId)) {
            throw new ConflictException(
                    "A deployment changes only to another version of its own model.");
        }
        if (target.versionId().equals(e.versionId)) {
            throw new ConflictException(
                    "The deployment already runs version " + target.version() + ".");
        }
        String from = versions.reference(e.versionId).version();
        e.previousVersionId = e.versionId;
        e.versionId = target.versionId();
        touch(e);
        recordUsage(e.modelId);
        audit(
                actor,
                e,
                "deployment." + action,
                "{\"from\":\"" + from + "\",\"to\":\"" + target.version() + "\"}");
        return show(e);
    }

    /** The version the deployment runs now. */
    public VersionReference currentVersion(TenantId tenant, UUID id) {
        return versions.reference(find(tenant, id, LockModeType.NONE).versionId);
    }

    /** The version a rollback returns to, or ConflictException. */
    public VersionReference previousVersion(Actor actor, TenantId tenant, UUID id) {
        requireRole(actor, tenant, OPERATORS);
        DeploymentEntity e = find(tenant, id, LockModeType.NONE);
        if (e.previousVersionId == null) {
            throw new ConflictException("The deployment has no earlier version to roll back to.");
        }
        return versions.reference(e.previousVersionId);
    }

    /** Tells the catalog how many tenants run the model now ("genutzt von N Kommunen"). */
    void recordUsage(UUID modelId) {
        usage.recordActiveTenants(
                modelId,
                () -> {
                    em.flush();
                    return em.createQuery(
                                    "select count(distinct d.tenantId) from DeploymentEntity d"
                                            + " where d.modelId = :m and d.status = :s",
                                    Long.class)
                            .setParameter("m", modelId)
                            .setParameter("s", DeploymentStatus.ACTIVE)
                            .getSingleResult()
                            .intValue();
                });
    }

    DeploymentEntity changeable(TenantId tenant, UUID id) {
        DeploymentEntity e = find(tenant, id, LockModeType.PESSIMISTIC_WRITE);
        if (e.status == DeploymentStatus.RETIRED) {
            throw new ConflictException("The deployment is retired; it cannot be changed.");
        }
        return e;
    }

    DeploymentEntity find(TenantId tenant, UUID id, LockModeType lock) {
        DeploymentEntity e = id == null ? null : em.find(DeploymentEntity.class, id, lock);
        if (e == null || tenant == null || !e.tenantId.equals(tenant.value())) {
            throw new NotFoundException("There is no deployment " + id + ".");
        }
        return e;
    }

    /**
     * Another tenant's caller learns nothing (404); a member of the tenant without the role is told
     * what is missing (403).
     */
    static void requireRole(Actor actor, TenantId tenant, String... anyOf) {
        if (!actor.belongsTo(tenant)) {
            throw new NotFoundException("Tenant '" + tenant + "' has no such deployment for you.");
        }
        actor.requireRoleIn(tenant, anyOf);
    }

    Deployment show(DeploymentEntity e) {
        VersionReference v = versions.reference(e.versionId);
        String previous =
                e.previousVersionId == null
                        ? null
                        : versions.reference(e.previousVersionId).version();
        return DeploymentMapper.toDeployment(e, v.model().toString(), v.version(), previous);
    }

    void audit(Actor actor, DeploymentEntity e, String action, String details) {
        audit.record(
                actor.user(),
                TenantId.of(e.tenantId),
                action,
                "deployment",
                e.id.toString(),
                details);
    }

    static String details(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build().toString();
    }

    static void touch(DeploymentEntity e) {
        e.updatedAt = now();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
