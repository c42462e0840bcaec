package de.kihub.portal.web;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.search.CatalogQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog page's address parameters, the same as those of {@code GET /api/v1/catalog/models},
 * so that a page address and an API call say the same thing. Which values are valid is the
 * registry's decision ({@link CatalogQuery#of}); the page only asks which parameter it rejects, to
 * say so in the visitor's language.
 */
final class CatalogParameters {
    static final String TEXT = "q";
    static final String SORT = "sort";
    static final String PAGE = "page";
    static final String SIZE = "size";

    /** The filters, in the order the page shows them (also the API's facet names). */
    static final List<String> FILTERS =
            List.of("task", "domain", "license", "riskClass", "format", "owner");

    static final List<String> NAMES =
            List.of(
                    TEXT,
                    "task",
                    "domain",
                    "license",
                    "riskClass",
                    "format",
                    "owner",
                    SORT,
                    PAGE,
                    SIZE);

    private final Map<String, String> values;

    private CatalogParameters(Map<String, String> values) {
        this.values = values;
    }

    /** The known parameters with a value (first occurrence, stripped); others are ignored. */
    static CatalogParameters of(QueryParameters parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = parameters.first(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
        return new CatalogParameters(values);
    }

    String get(String name) {
        return values.get(name);
    }

    String text() {
        return values.get(TEXT);
    }

    /** The search these parameters ask for; InvalidRequestException if one is rejected. */
    CatalogQuery query() {
        return query(values);
    }

    private static CatalogQuery query(Map<String, String> v) {
        return CatalogQuery.of(
                v.get(TEXT),
                v.get("task"),
                v.get("domain"),
                v.get("license"),
                v.get("riskClass"),
                v.get("format"),
                v.get("owner"),
                v.get(SORT),
                v.get(PAGE),
                v.get(SIZE));
    }

    /** The parameters the registry rejects, each tried on its own, in page order. */
    List<String> invalid() {
        List<String> invalid = new ArrayList<>();
        values.forEach(
                (name, value) -> {
                    try {
                        query(Map.of(name, value));
                    } catch (InvalidRequestException e) {
                        invalid.add(name);
                    }
                });
        return invalid;
    }

    /** The parameters as they go into links, in the order of {@link #NAMES}. */
    QueryParameters link() {
        QueryParameters link = QueryParameters.EMPTY;
        for (Map.Entry<String, String> e : values.entrySet()) {
            link = link.with(e.getKey(), e.getValue());
        }
        return link;
    }

    /** The catalog's parameters of {@code parameters} in the order of {@link #NAMES}. */
    static QueryParameters ordered(QueryParameters parameters) {
        QueryParameters ordered = QueryParameters.EMPTY;
        for (String name : NAMES) {
            ordered = ordered.with(name, parameters.first(name));
        }
        return ordered;
    }
}
