package de.kihub.services.credentials;

import de.kihub.registry.Texts;
import de.kihub.registry.error.InvalidRequestException;

/** A credential's name: 1 to 100 printable characters, surrounding white space removed. */
final class CredentialNames {
    static final int MAX_LENGTH = 100;

    private CredentialNames() {}

    static String require(String name) {
        String stripped = Texts.required(name, "name", MAX_LENGTH);
        if (!stripped.codePoints().allMatch(CredentialNames::isPrintable)) {
            throw new InvalidRequestException(
                    "'name' may contain printable characters only (no control characters).");
        }
        return stripped;
    }

    private static boolean isPrintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR ->
                    false;
            default -> true;
        };
    }
}
