package de.kihub.registry.search;

import de.kihub.registry.model.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * One found model. {@code latestVersion} and {@code format} are those of the latest released
 * version (null while none is released); {@code activeTenants} is the number of municipalities
 * running it ("genutzt von N Kommunen"). {@code highlight} is HTML: an escaped snippet of about 200
 * characters with the matched words in {@code <mark>}, null without a query text.
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
        String riskClass,
        String maturity,
        String latestVersion,
        String format,
        int activeTenants,
        String highlight) {}
