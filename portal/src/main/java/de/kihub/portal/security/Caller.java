package de.kihub.portal.security;

import de.kihub.registry.access.Actor;
import de.kihub.registry.tenant.TenantId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of one request. {@code tenant} is the tenant the request acts for: the caller's only
 * organization, or the one chosen with the {@code X-KIHub-Tenant} header when it has several.
 */
public record Caller(String user, TenantId tenant, List<TenantId> tenants, Set<String> roles) {
    public static final Caller ANONYMOUS = new Caller(null, null, List.of(), Set.of());

    public Caller {
        tenants = List.copyOf(tenants);
        roles = Set.copyOf(roles);
    }

    /** The caller as the domain modules see it. */
    public Actor actor() {
        return authenticated() ? new Actor(user, tenant, roles) : Actor.ANONYMOUS;
    }

    public boolean authenticated() {
        return user != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Optional<TenantId> optTenant() {
        return Optional.ofNullable(tenant);
    }

    /** Throws unless the caller is signed in. */
    public Caller requireAuthenticated() {
        if (!authenticated()) {
            throw new AuthenticationRequiredException();
        }
        return this;
    }

    /** Throws unless the caller is signed in and has at least one of the roles. */
    public Caller requireAnyRole(String... anyOf) {
        requireAuthenticated();
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new AccessDeniedException(
                    "This request needs one of the roles " + String.join(", ", anyOf) + ".");
        }
        return this;
    }
}
