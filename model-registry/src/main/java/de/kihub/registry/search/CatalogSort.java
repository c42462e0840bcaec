package de.kihub.registry.search;

import de.kihub.registry.error.InvalidRequestException;
import java.util.Locale;

/** Order of catalog results. */
public enum CatalogSort {
    /** Best match first; without a query text the same as NEWEST. */
    RELEVANCE,
    /** Most recently changed first. */
    NEWEST,
    /**
     * Used by the most municipalities (tenants with an ACTIVE deployment) first, then RELEVANCE.
     */
    REUSE;

    /** From a request parameter; null or blank is RELEVANCE. */
    public static CatalogSort parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "Unknown sort '" + value + "'; use relevance, newest or reuse.");
        }
    }
}
