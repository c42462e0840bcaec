package de.kihub.registry.access;

import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.tenant.TenantId;
import java.util.Arrays;
import java.util.Set;

/**
 * The caller of a domain operation. {@code tenant} is null for anonymous callers and platform users
 * without a tenant (curators).
 */
public record Actor(String user, TenantId tenant, Set<String> roles) {
    public static final String CURATOR = "curator";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String DEPLOYER = "deployer";
    public static final String DPO = "dpo";
    public static final String PUBLISHER = "publisher";
    public static final String MEMBER = "member";

    public static final Actor ANONYMOUS = new Actor(null, null, Set.of());

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isCurator() {
        return has(CURATOR);
    }

    public boolean belongsTo(TenantId other) {
        return tenant != null && tenant.equals(other);
    }

    /** Throws unless the actor belongs to {@code owner} and has one of the roles. */
    public void requireRoleIn(TenantId owner, String... anyOf) {
        if (!belongsTo(owner) || Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new ForbiddenException(
                    "This needs the role "
                            + String.join(" or ", anyOf)
                            + " in tenant '"
                            + owner
                            + "'.");
        }
    }

    public void requireCurator() {
        if (!isCurator()) {
            throw new ForbiddenException("Only a curator may do this.");
        }
    }
}
