package de.kihub.registry.model;

import java.util.List;

/**
 * What a publisher gives to create a model; the owner is the publisher's tenant. PUBLIC is a
 * request that takes effect when a curator approves a version. {@code riskClass} (MINIMAL, LIMITED,
 * HIGH) and {@code maturity} (EXPERIMENTAL, PILOT, PRODUCTION) are optional.
 */
public record ModelCreate(
        String name,
        LocalizedText displayName,
        LocalizedText description,
        String task,
        String domain,
        String license,
        String riskClass,
        String maturity,
        List<String> tags,
        Visibility visibility,
        List<String> communities) {}
