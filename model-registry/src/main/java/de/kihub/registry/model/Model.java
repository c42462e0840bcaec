package de.kihub.registry.model;

import java.time.Instant;
import java.util.List;

/**
 * A catalog entry as the API shows it. {@code riskClass} (EU AI Act) and {@code maturity} are the
 * publisher's declarations; null means not stated.
 */
public record Model(
        String model,
        String owner,
        String name,
        LocalizedText displayName,
        LocalizedText description,
        String task,
        String domain,
        String license,
        RiskClass riskClass,
        Maturity maturity,
        List<String> tags,
        Visibility visibility,
        Visibility requestedVisibility,
        List<String> communities,
        Instant createdAt,
        Instant updatedAt) {}
