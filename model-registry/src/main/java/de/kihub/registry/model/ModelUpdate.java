package de.kihub.registry.model;

import java.util.List;

/** A partial update of a model's metadata: null fields stay as they are. */
public record ModelUpdate(
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
