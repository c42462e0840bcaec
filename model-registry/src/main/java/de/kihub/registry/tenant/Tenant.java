package de.kihub.registry.tenant;

import java.time.Instant;

/** A tenant as the API shows it. */
public record Tenant(TenantId id, String displayName, TenantKind kind, Instant createdAt) {}
