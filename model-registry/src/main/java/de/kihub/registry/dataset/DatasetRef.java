package de.kihub.registry.dataset;

import de.kihub.registry.Slugs;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;

/** A dataset's address {@code owner/name}. */
public record DatasetRef(TenantId owner, String name) {
    public DatasetRef {
        Slugs.require(name, "dataset name");
    }

    public static DatasetRef of(String owner, String name) {
        return new DatasetRef(TenantId.of(owner), name);
    }

    /** Parses {@code owner/name}, or InvalidRequestException. */
    public static DatasetRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            throw new InvalidRequestException(
                    "A dataset is addressed as owner/name, e.g. kihub/pets09-s2l1; got '"
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
