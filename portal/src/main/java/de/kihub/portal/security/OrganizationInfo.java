package de.kihub.portal.security;

import de.kihub.registry.tenant.TenantKind;

/** What the token says about one organization (from Keycloak organization attributes). */
record OrganizationInfo(String displayName, TenantKind kind) {
    static final OrganizationInfo UNKNOWN = new OrganizationInfo(null, TenantKind.OTHER);
}
