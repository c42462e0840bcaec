package de.kihub.registry.community;

import de.kihub.registry.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** A community with its member tenants. */
public record Community(
        CommunityId id,
        String displayName,
        String description,
        List<TenantId> members,
        Instant createdAt) {}
