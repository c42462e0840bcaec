package de.kihub.registry.model;

import de.kihub.registry.Slugs;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;

/** A model's address {@code owner/name}, like DJL's model resource locators. */
public record ModelRef(TenantId owner, String name) {
    public ModelRef {
        Slugs.require(name, "model name");
    }

    public static ModelRef of(String owner, String name) {
        return new ModelRef(TenantId.of(owner), name);
    }

    /** Parses {@code owner/name}, or InvalidRequestException. */
    public static ModelRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            throw new InvalidRequestException(
                    "A model is addressed as owner/name, e.g. kihub/people-counter; got '"
                            + text
                            + "'.");
        }
        return of(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
