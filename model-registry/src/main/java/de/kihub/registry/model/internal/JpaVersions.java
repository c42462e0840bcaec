package de.kihub.registry.model.internal;

import de.kihub.registry.Texts;
import de.kihub.registry.access.Actor;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.ModelVersionCreate;
import de.kihub.registry.version.SemanticVersion;
import de.kihub.registry.version.VersionAction;
import de.kihub.registry.version.VersionFile;
import de.kihub.registry.version.VersionReference;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Versions backed by tables {@code model_version} and {@code model_version_tensor}. */
@ApplicationScoped
public class JpaVersions implements Versions {

    @PersistenceContext EntityManager em;

    @Inject AuditLog audit;

    @Inject ModelLookup lookup;

    @Inject LatestRelease latestRelease;

    @Inject CardHistory cardHistory;

    @Override
    @Transactional
    public ModelVersion create(Actor actor, ModelRef ref, ModelVersionCreate create) {
        // the model row is locked so that two creations of the same version cannot race
        ModelEntity model = lookup.visible(actor, ref, LockModeType.PESSIMISTIC_WRITE);
        actor.requireRoleIn(ref.owner(), Actor.PUBLISHER);
        SemanticVersion semver = SemanticVersion.parse(create.version());
        if (lookup.find(model, semver.toString()) != null) {
            throw new ConflictException(
                    "Version " + semver + " of '" + ref + "' exists already; versions are unique.");
        }
        ModelVersionEntity v = new ModelVersionEntity();
        v.id = UUID.randomUUID();
        v.modelId = model.id;
        v.version = semver.toString();
        v.major = semver.major();
        v.minor = semver.minor();
        v.patch = semver.patch();
        v.changelog = Texts.optional(create.changelog(), "changelog", 4000);
        v.status = VersionStatus.DRAFT;
        v.createdAt = JpaModels.now();
        v.createdBy = actor.user();
        String copiedFrom = copyCardForward(model, v);
        em.persist(v);
        if (copiedFrom != null && !v.card.isEmpty()) {
            cardHistory.record(v, actor.user(), "copied from " + copiedFrom);
        }
        audit.record(
                actor.user(),
                ref.owner(),
                "version.created",
                "model-version",
                ref + "@" + v.version,
                "status DRAFT");
        return ModelMapper.toVersion(model, v);
    }

    @Override
    public List<ModelVersion> list(Actor actor, ModelRef ref) {
        ModelEntity model = lookup.visible(actor, ref);
        TenantId owner = TenantId.of(model.ownerId);
        return em.createQuery(
                        "select v from ModelVersionEntity v where v.modelId = :m",
                        ModelVersionEntity.class)
                .setParameter("m", model.id)
                .getResultStream()
                .filter(v -> ModelAccess.canSeeVersion(actor, owner, v.status))
                .sorted(
                        Comparator.comparing(
                                        (ModelVersionEntity v) -> SemanticVersion.parse(v.version))
                                .reversed())
                .map(v -> ModelMapper.toVersion(model, v))
                .toList();
    }

    @Override
    public List<ModelVersion> listByStatus(Actor actor, VersionStatus status, int limit) {
        // one query over all models instead of walking them; visibility is checked per row as
        // list() does, so the limit counts only what the actor may see
        return em.createQuery(
                        "select m, v from ModelVersionEntity v, ModelEntity m"
                                + " where m.id = v.modelId and v.status = :s"
                                + " order by v.submittedAt, v.createdAt, v.id",
                        Object[].class)
                .setParameter("s", status)
                .getResultStream()
                .filter(
                        row -> {
                            ModelEntity m = (ModelEntity) row[0];
                            ModelVersionEntity v = (ModelVersionEntity) row[1];
                            return lookup.canSee(actor, m)
                                    && ModelAccess.canSeeVersion(
                                            actor, TenantId.of(m.ownerId), v.status);
                        })
                .limit(Math.max(limit, 1))
                .map(
                        row ->
                                ModelMapper.toVersion(
                                        (ModelEntity) row[0], (ModelVersionEntity) row[1]))
                .toList();
    }

    @Override
    public VersionReference reference(Actor actor, ModelRef ref, String version) {
        ModelEntity model = lookup.visible(actor, ref);
        return reference(model, lookup.version(actor, model, version));
    }

    @Override
    public VersionReference reference(UUID versionId) {
        ModelVersionEntity v =
                versionId == null ? null : em.find(ModelVersionEntity.class, versionId);
        if (v == null) {
            throw new NotFoundException("There is no model version " + versionId + ".");
        }
        return reference(em.find(ModelEntity.class, v.modelId), v);
    }

    private static VersionReference reference(ModelEntity model, ModelVersionEntity v) {
        ModelVersion shown = ModelMapper.toVersion(model, v);
        return new VersionReference(
                model.id,
                v.id,
                ModelRef.of(model.ownerId, model.name),
                v.version,
                model.task,
                v.status,
                shown.artifact());
    }

    @Override
    public ModelVersion get(Actor actor, ModelRef ref, String version) {
        ModelEntity model = lookup.visible(actor, ref);
        return ModelMapper.toVersion(model, lookup.version(actor, model, version));
    }

    @Override
    public void requireArtifactUpload(Actor actor, ModelRef ref, String version) {
        ModelEntity model = lookup.visible(actor, ref);
        ModelVersionEntity v = lookup.version(actor, model, version);
        actor.requireRoleIn(ref.owner(), Actor.PUBLISHER);
        ModelLookup.requireDraft(v);
    }

    @Override
    @Transactional
    public ModelVersion recordArtifact(
            Actor actor, ModelRef ref, String version, ArtifactInfo artifact) {
        ModelLookup.Draft draft = lookup.draftToChange(actor, ref, version);
        ModelEntity model = draft.model();
        ModelVersionEntity v = draft.version();
        String before = v.artifactSha256;
        v.artifactSha256 = artifact.sha256();
        v.artifactFormat = artifact.format();
        v.artifactSize = artifact.size();
        v.artifactEngine = artifact.engine();
        v.inspectedAt = artifact.inspectedAt();
        v.tensors.clear();
        v.tensors.addAll(ModelMapper.toRows(artifact));
        audit.record(
                actor.user(),
                ref.owner(),
                "version.artifact-uploaded",
                "model-version",
                ref + "@" + v.version,
                "sha256 "
                        + before
                        + " -> "
                        + artifact.sha256()
                        + ", "
                        + artifact.format()
                        + ", "
                        + artifact.size()
                        + " bytes");
        return ModelMapper.toVersion(model, v);
    }

    @Override
    @Transactional
    public ModelVersion transition(
            Actor actor, ModelRef ref, String version, VersionAction action, String comment) {
        // locked: the release columns change here, and deployments record their usage on the row
        ModelEntity model = lookup.visible(actor, ref, LockModeType.PESSIMISTIC_WRITE);
        ModelVersionEntity v = lookup.version(actor, model, version);
        authorize(actor, ref, action);
        em.lock(v, LockModeType.PESSIMISTIC_WRITE);
        String note = Texts.optional(comment, "comment", 2000);
        if (action == VersionAction.REJECT && note == null) {
            throw new InvalidRequestException("A rejection needs a 'comment' for the author.");
        }
        if (action == VersionAction.SUBMIT && v.artifactSha256 == null) {
            throw new ConflictException(
                    "Version "
                            + v.version
                            + " has no inspected artifact yet; upload it before submitting.");
        }
        VersionStatus before = v.status;
        v.status = before.after(action);
        Instant now = JpaModels.now();
        switch (action) {
            case SUBMIT -> v.submittedAt = now;
            case APPROVE, REJECT -> {
                v.reviewedAt = now;
                v.reviewedBy = actor.user();
                v.reviewComment = note;
            }
            default -> {}
        }
        // released, latest version, format and card text for the search index
        latestRelease.refresh(model);
        String details = "status " + before + " -> " + v.status + (note == null ? "" : ": " + note);
        if (action == VersionAction.APPROVE && model.requestedVisibility == Visibility.PUBLIC) {
            // a curator's approval is what makes a model public
            details += "; model visibility " + model.visibility + " -> PUBLIC";
            model.visibility = Visibility.PUBLIC;
            model.requestedVisibility = null;
            model.updatedAt = now;
        }
        audit.record(
                actor.user(),
                ref.owner(),
                "version." + action.name().toLowerCase(java.util.Locale.ROOT),
                "model-version",
                ref + "@" + v.version,
                details);
        return ModelMapper.toVersion(model, v);
    }

    @Override
    @Transactional
    public ModelVersion recordFile(Actor actor, ModelRef ref, String version, VersionFile file) {
        ModelLookup.Draft draft = lookup.draftToChange(actor, ref, version);
        ModelEntity model = draft.model();
        ModelVersionEntity v = draft.version();
        String name = VersionFile.requireName(file.name());
        String before =
                v.files.stream()
                        .filter(f -> f.name.equals(name))
                        .map(f -> f.sha256)
                        .findFirst()
                        .orElse(null);
        v.files.removeIf(f -> f.name.equals(name));
        v.files.add(
                new ModelVersionEntity.File(name, file.sha256(), file.size(), file.uploadedAt()));
        audit.record(
                actor.user(),
                ref.owner(),
                "version.file-uploaded",
                "model-version",
                ref + "@" + v.version,
                name
                        + ": sha256 "
                        + before
                        + " -> "
                        + file.sha256()
                        + ", "
                        + file.size()
                        + " bytes");
        return ModelMapper.toVersion(model, v);
    }

    @Override
    @Transactional
    public ModelVersion removeFile(Actor actor, ModelRef ref, String version, String fileName) {
        ModelLookup.Draft draft = lookup.draftToChange(actor, ref, version);
        ModelEntity model = draft.model();
        ModelVersionEntity v = draft.version();
        if (!v.files.removeIf(f -> f.name.equals(fileName))) {
            throw new NotFoundException(
                    "Version " + v.version + " has no file '" + fileName + "'.");
        }
        audit.record(
                actor.user(),
                ref.owner(),
                "version.file-removed",
                "model-version",
                ref + "@" + v.version,
                fileName);
        return ModelMapper.toVersion(model, v);
    }

    @Override
    public VersionFile file(Actor actor, ModelRef ref, String version, String fileName) {
        return get(actor, ref, version).files().stream()
                .filter(f -> f.name().equals(fileName))
                .findFirst()
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        "Version " + version + " has no file '" + fileName + "'."));
    }

    @Override
    public Set<String> referencedArtifacts() {
        Set<String> keep =
                new HashSet<>(
                        em.createQuery(
                                        "select distinct v.artifactSha256 from ModelVersionEntity v"
                                                + " where v.artifactSha256 is not null",
                                        String.class)
                                .getResultList());
        keep.addAll(
                em.createQuery(
                                "select distinct f.sha256 from ModelVersionEntity v join v.files f",
                                String.class)
                        .getResultList());
        return keep;
    }

    /**
     * A new version starts with the card of the highest earlier version, to be edited; returns that
     * version, or null for the first one.
     */
    private String copyCardForward(ModelEntity model, ModelVersionEntity v) {
        ModelVersionEntity previous =
                em.createQuery(
                                "select v from ModelVersionEntity v where v.modelId = :m",
                                ModelVersionEntity.class)
                        .setParameter("m", model.id)
                        .getResultStream()
                        .max(Comparator.comparing(e -> SemanticVersion.parse(e.version)))
                        .orElse(null);
        if (previous == null) {
            return null;
        }
        previous.card.forEach(
                t ->
                        v.card.add(
                                new ModelVersionEntity.CardText(
                                        t.section, t.language, t.markdown)));
        return previous.version;
    }

    private static void authorize(Actor actor, ModelRef ref, VersionAction action) {
        switch (action) {
            case SUBMIT -> actor.requireRoleIn(ref.owner(), Actor.PUBLISHER);
            case APPROVE, REJECT -> actor.requireCurator();
            case DEPRECATE, ARCHIVE -> {
                if (!actor.isCurator()) {
                    actor.requireRoleIn(ref.owner(), Actor.PUBLISHER);
                }
            }
        }
    }
}
