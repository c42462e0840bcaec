package de.kihub.registry.tenant;

import de.kihub.registry.Slugs;

/**
 * A tenant's identifier: the lower-case slug of its Keycloak organization alias, e.g. {@code
 * gelsenkirchen}.
 */
public record TenantId(String value) {
    public TenantId {
        Slugs.require(value, "tenant id");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
