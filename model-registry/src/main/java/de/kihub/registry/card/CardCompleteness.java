package de.kihub.registry.card;

import de.kihub.registry.model.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How complete a card is. A section counts in a language when its text says something: at least
 * {@value #MIN_CHARACTERS} characters and {@value #MIN_LETTERS} letters or digits a reader sees
 * (Markdown syntax, raw HTML and surrounding space do not count), so that "TODO", "-" or "n/a"
 * leave it missing.
 *
 * @param overall the share of the nine sections written in both languages (0..1)
 * @param de the German side
 * @param en the English side
 * @param missing the sections not written in both languages, in card order
 */
public record CardCompleteness(
        double overall, Language de, Language en, List<CardSection> missing) {
    public static final int MIN_CHARACTERS = 20;
    public static final int MIN_LETTERS = 10;

    /**
     * @param score the share of the nine sections written in this language (0..1)
     * @param missing the sections not written in this language, in card order
     */
    public record Language(double score, List<CardSection> missing) {}

    /** The completeness of these sections (absent sections are missing). */
    public static CardCompleteness of(Map<CardSection, LocalizedText> sections) {
        List<CardSection> missingDe = new ArrayList<>();
        List<CardSection> missingEn = new ArrayList<>();
        List<CardSection> missing = new ArrayList<>();
        for (CardSection section : CardSection.values()) {
            LocalizedText text = sections.get(section);
            boolean de = text != null && meaningful(text.de());
            boolean en = text != null && meaningful(text.en());
            if (!de) {
                missingDe.add(section);
            }
            if (!en) {
                missingEn.add(section);
            }
            if (!de || !en) {
                missing.add(section);
            }
        }
        return new CardCompleteness(
                share(missing), language(missingDe), language(missingEn), List.copyOf(missing));
    }

    /** Whether this Markdown says enough to count as written. */
    public static boolean meaningful(String markdown) {
        String text = CardMarkdown.toPlainText(markdown);
        return text.length() >= MIN_CHARACTERS
                && text.codePoints().filter(Character::isLetterOrDigit).count() >= MIN_LETTERS;
    }

    /** The side of one language ({@code de} or {@code en}). */
    public Language language(String language) {
        return CardLanguage.DE.equals(CardLanguage.of(language)) ? de : en;
    }

    private static Language language(List<CardSection> missing) {
        return new Language(share(missing), List.copyOf(missing));
    }

    private static double share(List<CardSection> missing) {
        int all = CardSection.values().length;
        return (double) (all - missing.size()) / all;
    }
}
