package de.kihub.registry.dataset;

import de.kihub.registry.model.Visibility;
import java.time.Instant;
import java.util.UUID;

/**
 * A dataset as the API shows it. {@code sha256}, {@code size} and {@code items} are null until its
 * content has been uploaded and validated.
 */
public record Dataset(
        UUID id,
        String dataset,
        String owner,
        String name,
        String displayName,
        String description,
        String task,
        DatasetFormat format,
        String license,
        Visibility visibility,
        Visibility requestedVisibility,
        String sha256,
        Long size,
        Integer items,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
