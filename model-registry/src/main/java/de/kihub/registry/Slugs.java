package de.kihub.registry;

import de.kihub.registry.error.InvalidRequestException;
import java.util.regex.Pattern;

/** Lower-case slugs used in addresses: tenants, communities, model names. */
public final class Slugs {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private Slugs() {}

    /** Returns the value if it is a slug, else throws naming {@code what}. */
    public static String require(String value, String what) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidRequestException(
                    "Invalid "
                            + what
                            + " '"
                            + value
                            + "': use 1-63 lower-case letters, digits and inner hyphens.");
        }
        return value;
    }
}
