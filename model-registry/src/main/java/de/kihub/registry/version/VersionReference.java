package de.kihub.registry.version;

import de.kihub.registry.model.ModelRef;
import java.util.UUID;

/**
 * A model version with the database ids that other modules store when they refer to it (a
 * deployment runs one version). {@code artifact} is null while a draft has no upload.
 */
public record VersionReference(
        UUID modelId,
        UUID versionId,
        ModelRef model,
        String version,
        String task,
        VersionStatus status,
        ArtifactInfo artifact) {}
