package de.kihub.registry.version;

import java.time.Instant;
import java.util.List;

/** A model version as the API shows it. */
public record ModelVersion(
        String model,
        String version,
        VersionStatus status,
        String changelog,
        String reviewComment,
        String reviewedBy,
        Instant createdAt,
        Instant submittedAt,
        Instant reviewedAt,
        ArtifactInfo artifact,
        List<VersionFile> files) {}
