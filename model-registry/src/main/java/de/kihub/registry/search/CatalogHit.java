package de.kihub.registry.search;

import de.kihub.registry.model.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * One found model. {@code highlight} is a snippet of the best matching text with the query terms in
 * {@code <em>}, or null when the match was not in a text (filters only) or not highlightable.
 */
public record CatalogHit(
        String model,
        String owner,
        String name,
        LocalizedText displayName,
        LocalizedText description,
        String task,
        String domain,
        String license,
        List<String> tags,
        String visibility,
        Instant updatedAt,
        String highlight) {}
