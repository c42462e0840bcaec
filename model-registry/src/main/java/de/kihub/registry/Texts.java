package de.kihub.registry;

import de.kihub.registry.error.InvalidRequestException;

/** Validation of free-text fields: required or optional, trimmed, bounded. */
public final class Texts {
    private Texts() {}

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("'" + field + "' is required.");
        }
        return bounded(value.strip(), field, maxLength);
    }

    public static String optional(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : bounded(value.strip(), field, maxLength);
    }

    private static String bounded(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidRequestException(
                    "'" + field + "' is longer than " + maxLength + " characters.");
        }
        return value;
    }
}
