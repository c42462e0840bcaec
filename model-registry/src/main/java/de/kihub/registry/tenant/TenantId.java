package de.kihub.registry.tenant;

import de.kihub.registry.error.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A tenant's identifier: the lower-case slug of its Keycloak organization alias, e.g. {@code
 * gelsenkirchen}.
 */
public record TenantId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public TenantId {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidRequestException(
                    "Invalid tenant id '"
                            + value
                            + "': use 1-63 lower-case letters, digits and inner hyphens.");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
