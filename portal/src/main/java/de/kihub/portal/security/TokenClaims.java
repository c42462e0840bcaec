package de.kihub.portal.security;

import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.tenant.TenantKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * The claims the hub reads from a verified Keycloak access token: user name, realm roles and the
 * {@code organization} claim (the caller's organizations = tenants).
 */
record TokenClaims(
        String user, Set<String> realmRoles, Map<TenantId, OrganizationInfo> organizationsByAlias) {

    static TokenClaims of(AccessToken token) {
        RealmAccessClaim realmAccess = token.getRealmAccessClaim();
        List<String> roles = realmAccess == null ? List.of() : realmAccess.getRoles();
        String user = token.getPreferredUsername();
        return parse(
                user != null ? user : token.getSubject(),
                roles,
                token.getClaimValue("organization"));
    }

    static TokenClaims parse(String user, Collection<String> roles, Object organizationClaim) {
        Map<TenantId, OrganizationInfo> orgs = new LinkedHashMap<>();
        collect(organizationClaim, orgs);
        return new TokenClaims(user, new TreeSet<>(roles == null ? List.of() : roles), orgs);
    }

    /**
     * Adds what one claim value says: an alias, an object keyed by alias, or a list of either
     * (Keycloak merges the standard organization mapper and an attribute mapper into one list).
     */
    private static void collect(Object value, Map<TenantId, OrganizationInfo> orgs) {
        if (value instanceof Collection<?> values) {
            for (Object element : values) {
                collect(element, orgs);
            }
        } else if (value instanceof Map<?, ?> byAlias) {
            for (Map.Entry<?, ?> e : byAlias.entrySet()) {
                orgs.put(TenantId.of(String.valueOf(e.getKey())), info(e.getValue()));
            }
        } else if (value != null) {
            orgs.putIfAbsent(TenantId.of(String.valueOf(value)), OrganizationInfo.UNKNOWN);
        }
    }

    List<TenantId> organizations() {
        return new ArrayList<>(organizationsByAlias.keySet());
    }

    OrganizationInfo organization(TenantId id) {
        return organizationsByAlias.getOrDefault(id, OrganizationInfo.UNKNOWN);
    }

    private static OrganizationInfo info(Object attributes) {
        if (!(attributes instanceof Map<?, ?> map)) {
            return OrganizationInfo.UNKNOWN;
        }
        String name = first(map.get("displayName"));
        String kind = first(map.get("kind"));
        return new OrganizationInfo(name, kindOf(kind));
    }

    private static TenantKind kindOf(String kind) {
        if (kind == null) {
            return TenantKind.OTHER;
        }
        try {
            return TenantKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return TenantKind.OTHER;
        }
    }

    private static String first(Object value) {
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null ? null : String.valueOf(value);
    }
}
