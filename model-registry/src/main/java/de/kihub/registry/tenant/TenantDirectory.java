package de.kihub.registry.tenant;

import java.util.List;
import java.util.Optional;

/** The hub's register of tenants. */
public interface TenantDirectory {

    Optional<Tenant> find(TenantId id);

    List<Tenant> list();

    /**
     * Makes sure the tenant that the identity provider names exists in the hub, registering it (and
     * auditing that) on first sight. An existing tenant is returned unchanged.
     */
    Tenant ensureRegistered(TenantId id, String displayName, TenantKind kind, String actor);
}
