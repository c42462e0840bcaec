package de.kihub.registry.dataset;

import de.kihub.registry.model.Visibility;

/**
 * Request to register a dataset for the caller's tenant. {@code visibility} PUBLIC is only
 * requested: a curator's approval makes it public.
 */
public record DatasetCreate(
        String name,
        String displayName,
        String description,
        String task,
        DatasetFormat format,
        String license,
        Visibility visibility) {}
