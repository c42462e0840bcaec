package de.kihub.registry.card;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.LocalizedText;
import java.util.EnumMap;
import java.util.Map;

/**
 * A version's card: Markdown per section in German and English. {@code completeness} is the share
 * of sections written in both languages (0..1), {@code completenessDetail} says per language which
 * are missing (see {@link CardCompleteness} for what counts as written). The Markdown is stored as
 * written and must be shown through {@link CardMarkdown}, never as raw HTML.
 */
public record ModelCard(
        Map<CardSection, LocalizedText> sections,
        double completeness,
        CardCompleteness completenessDetail) {
    public static final int MAX_MARKDOWN = 20_000;

    /** A card of these sections: blank texts dropped, text stripped, length checked. */
    public static ModelCard of(Map<CardSection, LocalizedText> sections) {
        Map<CardSection, LocalizedText> clean = new EnumMap<>(CardSection.class);
        sections.forEach(
                (section, text) -> {
                    if (section == null) {
                        throw new InvalidRequestException("Unknown card section.");
                    }
                    LocalizedText t = text == null ? new LocalizedText(null, null) : text;
                    clean.put(
                            section,
                            new LocalizedText(check(t.de(), section), check(t.en(), section)));
                });
        CardCompleteness completeness = CardCompleteness.of(clean);
        return new ModelCard(Map.copyOf(clean), completeness.overall(), completeness);
    }

    /** The text of a section in a language, or null. */
    public String text(CardSection section, String language) {
        LocalizedText t = sections.get(section);
        if (t == null) {
            return null;
        }
        return CardLanguage.DE.equals(CardLanguage.of(language)) ? t.de() : t.en();
    }

    private static String check(String markdown, CardSection section) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        if (markdown.length() > MAX_MARKDOWN) {
            throw new InvalidRequestException(
                    "Card section " + section + " is longer than " + MAX_MARKDOWN + " characters.");
        }
        return markdown.strip();
    }
}
