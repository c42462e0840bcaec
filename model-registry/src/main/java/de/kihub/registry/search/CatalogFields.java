package de.kihub.registry.search;

import java.util.List;

/** Names of the index fields of a model; shared by the mapping and the queries. */
final class CatalogFields {
    static final String OWNER = "owner";
    static final String NAME = "name";
    static final String NAME_TEXT = "name_text";
    static final String DISPLAY_NAME_DE = "displayName_de";
    static final String DISPLAY_NAME_EN = "displayName_en";
    static final String DESCRIPTION_DE = "description_de";
    static final String DESCRIPTION_EN = "description_en";
    static final String TAGS = "tags";
    static final String TAGS_DE = "tags_de";
    static final String TAGS_EN = "tags_en";
    static final String TASK = "task";
    static final String DOMAIN = "domain";
    static final String LICENSE = "license";
    static final String VISIBILITY = "visibility";
    static final String COMMUNITIES = "communities";
    static final String RELEASED = "released";
    static final String UPDATED_AT = "updatedAt";
    static final String RISK_CLASS = "riskClass";
    static final String MATURITY = "maturity";
    static final String FORMAT = "format";
    static final String LATEST_VERSION = "latestVersion";
    static final String ACTIVE_TENANTS = "activeTenants";
    static final String CARD_DE = "card_de";
    static final String CARD_EN = "card_en";

    /** Highlight-only copies with offsets in the postings ({@link SnippetOffsetsBinder}). */
    static final String SNIPPET_DESCRIPTION_DE = "snippet_description_de";

    static final String SNIPPET_DESCRIPTION_EN = "snippet_description_en";
    static final String SNIPPET_CARD_DE = "snippet_card_de";
    static final String SNIPPET_CARD_EN = "snippet_card_en";
    static final String SUGGEST_NAME_DE = "suggest_displayName_de";
    static final String SUGGEST_NAME_EN = "suggest_displayName_en";
    static final String SUGGEST_TAGS = "suggest_tags";

    /**
     * German text fields with their weights: the name says more than the description, and the
     * description more than the long card of the latest released version.
     */
    static final List<Weighted> GERMAN_TEXT =
            List.of(
                    new Weighted(DISPLAY_NAME_DE, 3f),
                    new Weighted(TAGS_DE, 2f),
                    new Weighted(DESCRIPTION_DE, 1f),
                    new Weighted(CARD_DE, 0.5f));

    static final List<Weighted> ENGLISH_TEXT =
            List.of(
                    new Weighted(DISPLAY_NAME_EN, 3f),
                    new Weighted(TAGS_EN, 2f),
                    new Weighted(NAME_TEXT, 2f),
                    new Weighted(DESCRIPTION_EN, 1f),
                    new Weighted(CARD_EN, 0.5f));

    /** The fields that suggestions complete, with their weights. */
    static final List<Weighted> SUGGEST =
            List.of(
                    new Weighted(SUGGEST_NAME_DE, 2f),
                    new Weighted(SUGGEST_NAME_EN, 2f),
                    new Weighted(SUGGEST_TAGS, 1f));

    record Weighted(String field, float boost) {}

    private CatalogFields() {}
}
