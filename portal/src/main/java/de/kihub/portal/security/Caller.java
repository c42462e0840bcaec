package de.kihub.portal.security;

import de.kihub.registry.access.Actor;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller of one request. {@code tenant} is the tenant the request acts for: the caller's only
 * organization, or the one chosen with the {@code X-KIHub-Tenant} header when it has several.
 * {@code machine} is set for a device or system that presented a deployment's machine credential;
 * it may call only that deployment and is nobody anywhere else.
 */
public record Caller(
        String user, TenantId tenant, List<TenantId> tenants, Set<String> roles, Machine machine) {
    public static final Caller ANONYMOUS = new Caller(null, null, List.of(), Set.of(), null);

    /** A machine credential's holder: which deployment it may call. */
    public record Machine(UUID credentialId, String name, String keyId, UUID deployment) {}

    public Caller {
        tenants = List.copyOf(tenants);
        roles = Set.copyOf(roles);
    }

    public static Caller person(
            String user, TenantId tenant, List<TenantId> tenants, Set<String> roles) {
        return new Caller(user, tenant, tenants, roles, null);
    }

    static Caller machine(TenantId tenant, Machine machine) {
        return new Caller(
                "credential:" + machine.keyId(), tenant, List.of(tenant), Set.of(), machine);
    }

    /** The caller as the domain modules see it; a machine is anonymous outside its deployment. */
    public Actor actor() {
        return authenticated() && machine == null
                ? new Actor(user, tenant, roles)
                : Actor.ANONYMOUS;
    }

    /**
     * The caller acting for {@code pathTenant} (an address like {@code /tenants/{tenant}/...}): a
     * person who belongs to it, or NotFoundException as if the tenant's data did not exist.
     */
    public Actor actorFor(TenantId pathTenant) {
        requireAuthenticated();
        if (machine != null || !tenants.contains(pathTenant)) {
            throw new NotFoundException("Tenant '" + pathTenant + "' has nothing here for you.");
        }
        return new Actor(user, pathTenant, roles);
    }

    public boolean isMachine() {
        return machine != null;
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
