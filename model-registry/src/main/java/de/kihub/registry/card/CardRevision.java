package de.kihub.registry.card;

import de.kihub.registry.model.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One saved state of a version's card. Every save that changes the card adds a revision; a new
 * version's copy of the previous card is its revision 1.
 *
 * @param revision 1, 2, ... per version
 * @param author who saved it; shown to the owner tenant and curators only, else null
 * @param note what made it, when not an edit ("copied from 1.0.0")
 * @param changedSections the sections that differ from the revision before, in card order
 * @param sections the whole card as saved
 * @param completeness the card's completeness as saved (0..1)
 */
public record CardRevision(
        int revision,
        String author,
        Instant createdAt,
        String note,
        List<CardSection> changedSections,
        Map<CardSection, LocalizedText> sections,
        double completeness) {

    /** A revision in the history list, without its text. */
    public record Summary(
            int revision,
            String author,
            Instant createdAt,
            String note,
            List<CardSection> changedSections,
            double completeness) {}
}
