package de.kihub.registry.tenant.internal;

import de.kihub.registry.tenant.Tenant;
import de.kihub.registry.tenant.TenantId;

/** Maps tenant rows to the API record. */
final class TenantMapper {
    private TenantMapper() {}

    static Tenant toTenant(TenantEntity e) {
        return new Tenant(TenantId.of(e.id), e.displayName, e.kind, e.createdAt);
    }
}
