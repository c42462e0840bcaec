package de.kihub.registry.card;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;
import java.util.Locale;

/** The two languages a card is written in. */
public final class CardLanguage {
    public static final String DE = "de";
    public static final String EN = "en";
    public static final List<String> ALL = List.of(DE, EN);

    private CardLanguage() {}

    /** {@code de} or {@code en} (any case), or InvalidRequestException. */
    public static String of(String language) {
        String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!ALL.contains(l)) {
            throw new InvalidRequestException(
                    "Unknown card language '" + language + "'; use de or en.");
        }
        return l;
    }
}
