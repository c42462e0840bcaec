package de.kihub.registry.version;

import de.kihub.registry.access.Actor;
import de.kihub.registry.model.ModelRef;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Versions of a model and their lifecycle; every change is audited. */
public interface Versions {

    ModelVersion create(Actor actor, ModelRef model, ModelVersionCreate create);

    /** The versions the actor may see, highest version first. */
    List<ModelVersion> list(Actor actor, ModelRef model);

    ModelVersion get(Actor actor, ModelRef model, String version);

    /**
     * The versions in {@code status} that the actor may see, of all models, the longest waiting
     * first (by submission, then creation), at most {@code limit}: the curators' review queue.
     */
    List<ModelVersion> listByStatus(Actor actor, VersionStatus status, int limit);

    /** A version the actor may see, with its ids, for modules that refer to it. */
    VersionReference reference(Actor actor, ModelRef model, String version);

    /**
     * The version with this id whatever its visibility (the hub's own use, e.g. a deployment's
     * runtime after a restart), or NotFoundException.
     */
    VersionReference reference(UUID versionId);

    /** Checks before an upload is read that the actor may upload to this (draft) version. */
    void requireArtifactUpload(Actor actor, ModelRef model, String version);

    /** Stores the inspected artifact on the version (still a draft). */
    ModelVersion recordArtifact(Actor actor, ModelRef model, String version, ArtifactInfo artifact);

    ModelVersion transition(
            Actor actor, ModelRef model, String version, VersionAction action, String comment);

    /** Adds or replaces an extra file of a draft version. */
    ModelVersion recordFile(Actor actor, ModelRef model, String version, VersionFile file);

    /** Removes an extra file of a draft version. */
    ModelVersion removeFile(Actor actor, ModelRef model, String version, String fileName);

    /** An extra file of a version the actor may see. */
    VersionFile file(Actor actor, ModelRef model, String version, String fileName);

    /** Every sha256 that some version references (artifacts and files that must be kept). */
    Set<String> referencedArtifacts();
}
