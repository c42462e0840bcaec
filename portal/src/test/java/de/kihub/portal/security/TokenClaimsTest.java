package de.kihub.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.tenant.TenantKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void readsThePlainListOfOrganizationAliases() {
        TokenClaims claims = TokenClaims.parse("mia.member", List.of("member"), List.of("bochum"));
        assertEquals(List.of(TenantId.of("bochum")), claims.organizations());
        assertEquals(TenantKind.OTHER, claims.organization(TenantId.of("bochum")).kind());
        assertEquals(Set.of("member"), claims.realmRoles());
    }

    @Test
    void mergesAliasesWithTheAttributeMapperOutputKeycloakPutsIntoTheSameList() {
        Object claim =
                List.of(
                        "gelsenkirchen",
                        Map.of(
                                "gelsenkirchen",
                                Map.of(
                                        "displayName", List.of("Stadt Gelsenkirchen"),
                                        "kind", List.of("MUNICIPALITY"))));
        TokenClaims claims = TokenClaims.parse("gina.admin", List.of("deployer"), claim);
        assertEquals(List.of(TenantId.of("gelsenkirchen")), claims.organizations());
        OrganizationInfo info = claims.organization(TenantId.of("gelsenkirchen"));
        assertEquals("Stadt Gelsenkirchen", info.displayName());
        assertEquals(TenantKind.MUNICIPALITY, info.kind());
    }

    @Test
    void anUnknownKindBecomesOther() {
        TokenClaims claims =
                TokenClaims.parse(
                        "x", List.of(), Map.of("w-hs", Map.of("kind", List.of("CASTLE"))));
        assertEquals(TenantKind.OTHER, claims.organization(TenantId.of("w-hs")).kind());
    }

    @Test
    void noOrganizationClaimMeansNoTenant() {
        TokenClaims claims = TokenClaims.parse("carla.curator", List.of("curator"), null);
        assertTrue(claims.organizations().isEmpty());
    }

    @Test
    void rejectsAnOrganizationAliasThatIsNotASlug() {
        assertThrows(
                InvalidRequestException.class,
                () -> TokenClaims.parse("x", List.of(), List.of("../../etc")));
    }
}
