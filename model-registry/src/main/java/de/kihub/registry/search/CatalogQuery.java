package de.kihub.registry.search;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.CatalogVocabulary;
import de.kihub.registry.model.RiskClass;

/**
 * A catalog search: free text (may be blank), optional filters that combine with AND, order and a
 * page (1-based, at most {@value #MAX_SIZE} entries). {@code riskClass} and {@code format} must be
 * one of their values (any case), the other filters are matched as given.
 */
public record CatalogQuery(
        String text,
        String task,
        String domain,
        String license,
        RiskClass riskClass,
        ArtifactFormat format,
        String owner,
        CatalogSort sort,
        int page,
        int size) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    static final int MAX_TEXT = 500;

    public CatalogQuery {
        text = blankToNull(text);
        task = blankToNull(task);
        domain = blankToNull(domain);
        license = blankToNull(license);
        owner = blankToNull(owner);
        sort = sort == null ? CatalogSort.RELEVANCE : sort;
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidRequestException(
                    "The query text has more than " + MAX_TEXT + " characters.");
        }
        if (page < 1) {
            throw new InvalidRequestException("'page' starts at 1.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("'size' must be between 1 and " + MAX_SIZE + ".");
        }
    }

    /** A query from request parameters: numbers and choices as text, validated here. */
    public static CatalogQuery of(
            String text,
            String task,
            String domain,
            String license,
            String riskClass,
            String format,
            String owner,
            String sort,
            String page,
            String size) {
        return new CatalogQuery(
                text,
                task,
                domain,
                license,
                blankToNull(riskClass) == null ? null : CatalogVocabulary.riskClass(riskClass),
                blankToNull(format) == null
                        ? null
                        : CatalogVocabulary.oneOf(ArtifactFormat.class, "format", format),
                owner,
                CatalogSort.parse(sort),
                parameter("page", page, 1),
                parameter("size", size, DEFAULT_SIZE));
    }

    /** An integer request parameter; null or blank gives the default. */
    public static int parameter(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    "'" + name + "' must be a whole number, not '" + value + "'.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
