package de.kihub.registry.tenant;

/** What sort of organisation a tenant is. */
public enum TenantKind {
    MUNICIPALITY,
    RESEARCH,
    PLATFORM,
    OTHER
}
