package de.kihub.registry.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results, the total number of matches and, per facet (task, domain, license, riskClass,
 * format, owner), the number of visible matches per value.
 */
public record CatalogResult(
        long total, List<CatalogHit> items, Map<String, Map<String, Long>> facets) {}
