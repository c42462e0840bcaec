package de.kihub.portal.security;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantDirectory;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.credentials.MachineCredentials;
import de.kihub.services.credentials.MachinePrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Resolves the {@link Caller} once per request from the OIDC token that the container has already
 * verified (signature, issuer, audience, expiry). Tenants seen for the first time are registered.
 */
@RequestScoped
public class TenantContext {
    /** Chooses the acting tenant for callers that belong to several organizations. */
    public static final String TENANT_HEADER = "X-KIHub-Tenant";

    /** The scheme of machine credentials: {@code Authorization: ApiKey kihub_...}. */
    static final String API_KEY_SCHEME = "ApiKey ";

    @Inject HttpServletRequest request;

    @Inject TenantDirectory tenants;

    @Inject MachineCredentials credentials;

    private Caller caller;

    public Caller caller() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        String key = apiKey(request);
        if (key != null) {
            MachinePrincipal p =
                    credentials
                            .authenticate(key)
                            .orElseThrow(
                                    () ->
                                            new AuthenticationRequiredException(
                                                    "The machine key is unknown, revoked or"
                                                            + " wrong."));
            return Caller.machine(
                    p.tenant(),
                    new Caller.Machine(p.credentialId(), p.name(), p.keyId(), p.deploymentId()));
        }
        OidcSecurityContext oidc = securityContext(request);
        if (oidc == null || oidc.getToken() == null) {
            if (bearerTokenSent(request)) {
                // the container did not accept it (forged, expired, foreign issuer or audience)
                throw new AuthenticationRequiredException(
                        "The access token is invalid or has expired; request a new one.");
            }
            return Caller.ANONYMOUS;
        }
        AccessToken token = oidc.getToken();
        TokenClaims claims = TokenClaims.of(token);
        List<TenantId> memberships = claims.organizations();
        TenantId acting = chooseTenant(memberships, request.getHeader(TENANT_HEADER));
        for (TenantId id : memberships) {
            register(id, claims.organization(id), claims.user());
        }
        return Caller.person(claims.user(), acting, memberships, claims.realmRoles());
    }

    private void register(TenantId id, OrganizationInfo info, String user) {
        try {
            tenants.ensureRegistered(id, info.displayName(), info.kind(), user);
        } catch (RuntimeException e) {
            // a concurrent first sign-in of the same tenant registered it a moment earlier
            if (tenants.find(id).isEmpty()) {
                throw e;
            }
        }
    }

    static TenantId chooseTenant(List<TenantId> memberships, String requested) {
        if (requested != null && !requested.isBlank()) {
            TenantId wanted = TenantId.of(requested.trim());
            if (!memberships.contains(wanted)) {
                throw new AccessDeniedException("You are not a member of tenant '" + wanted + "'.");
            }
            return wanted;
        }
        if (memberships.size() > 1) {
            throw new InvalidRequestException(
                    "You belong to several tenants "
                            + memberships
                            + "; choose one with the "
                            + TENANT_HEADER
                            + " header.");
        }
        return memberships.isEmpty() ? null : memberships.get(0);
    }

    /** The key of an {@code Authorization: ApiKey <key>} header, or null. */
    static String apiKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null
                && authorization.regionMatches(
                        true, 0, API_KEY_SCHEME, 0, API_KEY_SCHEME.length())) {
            return authorization.substring(API_KEY_SCHEME.length()).trim();
        }
        return null;
    }

    static boolean bearerTokenSent(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
    }

    /** The OIDC context of a bearer-token request or of a signed-in browser session, or null. */
    static OidcSecurityContext securityContext(HttpServletRequest request) {
        Object attribute = request.getAttribute(OidcSecurityContext.class.getName());
        if (attribute instanceof OidcSecurityContext context) {
            return context;
        }
        Principal principal = request.getUserPrincipal();
        if (principal instanceof OidcPrincipal<?> oidcPrincipal) {
            return oidcPrincipal.getOidcSecurityContext();
        }
        return null;
    }
}
