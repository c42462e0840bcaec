package de.kihub.services.deployment;

import de.kihub.registry.Texts;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.AiActRiskClass;
import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.Prefill;
import de.kihub.services.deployment.record.RecordDiff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The record, the questionnaire and their revisions: every change is a new revision with author and
 * time, withdraws the sign-off, and is audited in the same transaction. Reads are filtered by
 * tenant like every deployment read.
 */
@ApplicationScoped
public class RecordStore {
    static final String[] WRITERS = {Actor.DEPLOYER, Actor.TENANT_ADMIN, Actor.DPO};

    /** Stored JSON of one record at most (the column's size). */
    static final int MAX_STORED = 200_000;

    @PersistenceContext EntityManager em;

    @Inject DeploymentStore deployments;

    /** The state of a record for reading. */
    record Snapshot(
            Deployment deployment,
            DeploymentRecord record,
            AiActQuestionnaire questionnaire,
            RecordRevisionEntity current) {}

    /** The outcome of answering the questionnaire; {@code stopped}: an ACTIVE one was paused. */
    record Answered(Deployment deployment, boolean stopped) {}

    /** A published record: the last signed-off revision of an ACTIVE deployment. */
    record Published(
            Deployment deployment,
            DeploymentRecord record,
            AiActQuestionnaire questionnaire,
            int revision,
            Instant signedOffAt) {}

    @Transactional
    public Deployment putRecord(
            Actor actor, TenantId tenant, UUID id, DeploymentRecord requested, Prefill prefill) {
        DeploymentStore.requireRole(actor, tenant, WRITERS);
        DeploymentEntity e = deployments.changeable(tenant, id);
        DeploymentRecord before = e.record();
        DeploymentRecord after = prefill.apply(requested);
        if (after.equals(before)) {
            return deployments.show(e); // the same record again is no change
        }
        if (after.toJson().toString().length() > MAX_STORED) {
            throw new InvalidRequestException(
                    "The record is too large to store (" + MAX_STORED + " characters as JSON).");
        }
        AiActQuestionnaire q = e.questionnaire();
        List<String> changed =
                RecordDiff.between(before, q, after, q).stream()
                        .map(c -> c.field().substring("record.".length()))
                        .toList();
        boolean wasSigned = e.signedOff();
        e.record(after);
        changed(e);
        int revision = newRevision(e, actor, RecordRevisionEntity.Change.RECORD);
        JsonObjectBuilder details =
                Json.createObjectBuilder()
                        .add("revision", revision)
                        .add("changed", Json.createArrayBuilder(changed));
        if (wasSigned) {
            details.add("signOff", "withdrawn");
        }
        deployments.audit(actor, e, "deployment.record", details.build().toString());
        return deployments.show(e);
    }

    @Transactional
    public Answered putQuestionnaire(
            Actor actor, TenantId tenant, UUID id, AiActQuestionnaire questionnaire) {
        DeploymentStore.requireRole(actor, tenant, WRITERS);
        DeploymentEntity e = deployments.changeable(tenant, id);
        if (questionnaire.equals(e.questionnaire())) {
            return new Answered(deployments.show(e), false);
        }
        boolean wasSigned = e.signedOff();
        e.questionnaire(questionnaire);
        changed(e);
        AiActRiskClass riskClass = questionnaire.assessment().riskClass();
        int revision = newRevision(e, actor, RecordRevisionEntity.Change.QUESTIONNAIRE);
        JsonObjectBuilder details =
                Json.createObjectBuilder()
                        .add("revision", revision)
                        .add("riskClass", riskClass.name());
        if (wasSigned) {
            details.add("signOff", "withdrawn");
        }
        deployments.audit(actor, e, "deployment.questionnaire", details.build().toString());
        boolean stop =
                e.status == DeploymentStatus.ACTIVE && riskClass == AiActRiskClass.PROHIBITED;
        if (stop) {
            // a prohibited practice must not go on running until someone pauses it
            e.status = e.status.pause();
            deployments.recordUsage(e.modelId);
            deployments.audit(
                    actor,
                    e,
                    "deployment.pause",
                    DeploymentStore.details(
                            "reason", "EU AI Act questionnaire: prohibited practice (Art. 5)"));
        }
        return new Answered(deployments.show(e), stop);
    }

    @Transactional
    public Deployment signOff(Actor actor, TenantId tenant, UUID id, String comment) {
        DeploymentStore.requireRole(actor, tenant, Actor.DPO);
        DeploymentEntity e = deployments.changeable(tenant, id);
        String text = Texts.required(comment, "comment", 2000);
        AiActQuestionnaire q = e.questionnaire();
        if (q != null && q.assessment().riskClass() == AiActRiskClass.PROHIBITED) {
            throw new ConflictException(
                    "The record cannot be signed off: the EU AI Act questionnaire names a"
                            + " prohibited practice ("
                            + q.assessment().reasons().stream()
                                    .map(r -> r.article())
                                    .collect(Collectors.joining(", "))
                            + ").");
        }
        List<String> missing =
                new ArrayList<>(e.record().missing(q == null ? null : q.assessment().riskClass()));
        if (q == null) {
            missing.add("questionnaire (EU AI Act)");
        }
        if (!missing.isEmpty()) {
            throw new ConflictException(
                    "The record cannot be signed off yet; missing: "
                            + String.join(", ", missing)
                            + "."
                            + (q != null && q.assessment().riskClass() == AiActRiskClass.HIGH_RISK
                                    ? " A HIGH_RISK deployment needs the summaries of its"
                                            + " fundamental-rights impact assessment (friaSummary)"
                                            + " and data-protection impact assessment"
                                            + " (dpiaSummary)."
                                    : ""));
        }
        Instant now = DeploymentStore.now();
        e.signedOffBy = actor.user();
        e.signedOffAt = now;
        e.signOffComment = text;
        e.status = e.status.afterRecordChange(true);
        DeploymentStore.touch(e);
        RecordRevisionEntity current = revisionRow(e.id, e.recordRevision);
        current.signedOffBy = e.signedOffBy;
        current.signedOffAt = now;
        current.signOffComment = text;
        deployments.audit(
                actor,
                e,
                "deployment.sign-off",
                Json.createObjectBuilder()
                        .add("comment", text)
                        .add("revision", e.recordRevision)
                        .build()
                        .toString());
        return deployments.show(e);
    }

    public Snapshot snapshot(Actor actor, TenantId tenant, UUID id) {
        DeploymentStore.requireRole(actor, tenant, DeploymentStore.PEOPLE);
        DeploymentEntity e = deployments.find(tenant, id, LockModeType.NONE);
        RecordRevisionEntity current =
                e.recordRevision == 0 ? null : revisionRow(e.id, e.recordRevision);
        return new Snapshot(deployments.show(e), e.record(), e.questionnaire(), current);
    }

    public List<RecordRevisionEntity> history(Actor actor, TenantId tenant, UUID id) {
        DeploymentStore.requireRole(actor, tenant, DeploymentStore.PEOPLE);
        DeploymentEntity e = deployments.find(tenant, id, LockModeType.NONE);
        return em.createQuery(
                        "select r from RecordRevisionEntity r where r.deploymentId = :d"
                                + " order by r.revision desc",
                        RecordRevisionEntity.class)
                .setParameter("d", e.id)
                .getResultList();
    }

    public RecordRevisionEntity revision(Actor actor, TenantId tenant, UUID id, int revision) {
        DeploymentStore.requireRole(actor, tenant, DeploymentStore.PEOPLE);
        DeploymentEntity e = deployments.find(tenant, id, LockModeType.NONE);
        return revisionRow(e.id, revision);
    }

    /** Every ACTIVE deployment of every tenant that has a signed-off record, by tenant and name. */
    public List<Published> published() {
        return em
                .createQuery(
                        "select d from DeploymentEntity d where d.status = :s"
                                + " order by d.tenantId, d.name",
                        DeploymentEntity.class)
                .setParameter("s", DeploymentStatus.ACTIVE)
                .getResultList()
                .stream()
                .map(this::published)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The published record of the tenant's ACTIVE deployment with this name, if any. */
    public Optional<Published> published(TenantId tenant, String name) {
        return em.createQuery(
                        "select d from DeploymentEntity d where d.tenantId = :t and d.name = :n"
                                + " and d.status = :s",
                        DeploymentEntity.class)
                .setParameter("t", tenant.value())
                .setParameter("n", name)
                .setParameter("s", DeploymentStatus.ACTIVE)
                .getResultStream()
                .findFirst()
                .flatMap(this::published);
    }

    /**
     * What citizens may read: the current record when it is signed off, else (changed while
     * running) the last revision a data-protection officer signed; never an unsigned draft.
     */
    private Optional<Published> published(DeploymentEntity e) {
        if (e.signedOff()) {
            return Optional.of(
                    new Published(
                            deployments.show(e),
                            e.record(),
                            e.questionnaire(),
                            e.recordRevision,
                            e.signedOffAt));
        }
        return em.createQuery(
                        "select r from RecordRevisionEntity r where r.deploymentId = :d"
                                + " and r.signedOffAt is not null order by r.revision desc",
                        RecordRevisionEntity.class)
                .setParameter("d", e.id)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(
                        r ->
                                new Published(
                                        deployments.show(e),
                                        r.record(),
                                        r.questionnaire(),
                                        r.revision,
                                        r.signedOffAt));
    }

    private RecordRevisionEntity revisionRow(UUID deployment, int revision) {
        return em.createQuery(
                        "select r from RecordRevisionEntity r where r.deploymentId = :d"
                                + " and r.revision = :n",
                        RecordRevisionEntity.class)
                .setParameter("d", deployment)
                .setParameter("n", revision)
                .getResultStream()
                .findFirst()
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        "The record has no revision " + revision + "."));
    }

    /** A change of record or questionnaire: the sign-off no longer holds. */
    static void changed(DeploymentEntity e) {
        e.signedOffBy = null;
        e.signedOffAt = null;
        e.signOffComment = null;
        e.recordChangedAt = DeploymentStore.now();
        e.status = e.status.afterRecordChange(false);
        DeploymentStore.touch(e);
    }

    private int newRevision(DeploymentEntity e, Actor actor, RecordRevisionEntity.Change change) {
        RecordRevisionEntity r = new RecordRevisionEntity();
        r.id = UUID.randomUUID();
        r.deploymentId = e.id;
        r.tenantId = e.tenantId;
        r.revision = e.recordRevision + 1;
        r.change = change;
        r.record = e.record().toJson().toString();
        r.questionnaire = e.questionnaire;
        r.riskClass = e.riskClass;
        r.author = actor.user();
        r.createdAt = e.recordChangedAt;
        em.persist(r);
        e.recordRevision = r.revision;
        return r.revision;
    }
}
