package de.kihub.registry.search;

import java.util.List;

/** What to offer while someone types: at most ten models, best first. */
public record CatalogSuggestions(List<Suggestion> suggestions) {

    /** A model's display name (in the language that matched) and its address owner/name. */
    public record Suggestion(String text, String model) {}
}
