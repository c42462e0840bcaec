package de.kihub.registry.search;

import de.kihub.registry.model.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * One found model. No highlighted snippet yet: WildFly's Lucene module lacks lucene-highlighter,
 * which Hibernate Search's highlight projection needs.
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
        Instant updatedAt) {}
