package de.kihub.services.documentation;

import de.kihub.registry.card.CardCompleteness;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.model.LocalizedText;
import java.util.List;
import java.util.Map;

/**
 * A version's card as the API shows it: the authors' Markdown, its completeness, the revision it is
 * at, and beside it (never inside the authors' text) what the hub generated from its evaluations.
 *
 * @param model {@code owner/name}
 * @param sections the authors' Markdown per section, German and English
 * @param completeness the share of sections written in both languages (0..1)
 * @param completenessDetail per language the score and the missing sections
 * @param revision the card's latest revision, 0 if it was never saved
 * @param generated the hub's results for the quantitative analyses
 */
public record ModelCardView(
        String model,
        String version,
        Map<CardSection, LocalizedText> sections,
        double completeness,
        CardCompleteness completenessDetail,
        int revision,
        Generated generated) {

    /**
     * The generated part of a section.
     *
     * @param section where it belongs ({@code QUANTITATIVE_ANALYSES})
     * @param note what it is, German and English
     * @param markdown the tables, German and English; null without results
     * @param results the numbers behind the tables
     */
    public record Generated(
            CardSection section,
            LocalizedText note,
            LocalizedText markdown,
            List<EvaluatedResult> results) {}
}
