package de.kihub.registry.model;

import de.kihub.registry.Slugs;
import de.kihub.registry.tenant.TenantId;

/** A model's address {@code owner/name}, like DJL's model resource locators. */
public record ModelRef(TenantId owner, String name) {
    public ModelRef {
        Slugs.require(name, "model name");
    }

    public static ModelRef of(String owner, String name) {
        return new ModelRef(TenantId.of(owner), name);
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
