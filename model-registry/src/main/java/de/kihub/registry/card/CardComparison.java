package de.kihub.registry.card;

import java.util.List;

/**
 * What changed in a card between two revisions.
 *
 * @param from the older side's revision number
 * @param to the newer side's revision number
 * @param changedSections the sections that differ in at least one language, in card order
 * @param changes per changed section and language a line diff
 */
public record CardComparison(
        int from, int to, List<CardSection> changedSections, List<Change> changes) {

    /** How a section's text in one language changed. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /**
     * @param linesAdded lines only in {@code to}
     * @param linesRemoved lines only in {@code from}
     * @param diff the change as a unified diff (3 lines of context), one line per entry; null when
     *     either side has more than {@value CardDiff#MAX_LINES} lines
     */
    public record Change(
            CardSection section,
            String language,
            Kind kind,
            int linesAdded,
            int linesRemoved,
            List<String> diff) {}
}
