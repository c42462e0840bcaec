package de.kihub.registry.card;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.LocalizedText;
import java.util.EnumMap;
import java.util.Map;

/**
 * A version's card: Markdown per section in German and English. {@code completeness} is the share
 * of sections written in both languages (0..1). The Markdown is stored as written and must be
 * rendered through the sanitising renderer, never as raw HTML.
 */
public record ModelCard(Map<CardSection, LocalizedText> sections, double completeness) {
    public static final int MAX_MARKDOWN = 20_000;

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
        long complete =
                clean.values().stream().filter(t -> t.de() != null && t.en() != null).count();
        return new ModelCard(Map.copyOf(clean), (double) complete / CardSection.values().length);
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
