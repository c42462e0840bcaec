package de.kihub.registry.model;

import java.time.Instant;
import java.util.List;

/** A catalog entry as the API shows it. */
public record Model(
        String model,
        String owner,
        String name,
        LocalizedText displayName,
        LocalizedText description,
        String task,
        String domain,
        String license,
        List<String> tags,
        Visibility visibility,
        Visibility requestedVisibility,
        List<String> communities,
        Instant createdAt,
        Instant updatedAt) {}
