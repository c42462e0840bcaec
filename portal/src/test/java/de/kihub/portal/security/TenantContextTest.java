package de.kihub.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantContextTest {
    static final TenantId BOCHUM = TenantId.of("bochum");
    static final TenantId GELSENKIRCHEN = TenantId.of("gelsenkirchen");

    @Test
    void theOnlyOrganizationIsTheActingTenant() {
        assertEquals(BOCHUM, TenantContext.chooseTenant(List.of(BOCHUM), null));
    }

    @Test
    void noOrganizationMeansNoTenant() {
        assertNull(TenantContext.chooseTenant(List.of(), null));
    }

    @Test
    void aMemberOfSeveralTenantsMustChooseOne() {
        assertThrows(
                InvalidRequestException.class,
                () -> TenantContext.chooseTenant(List.of(BOCHUM, GELSENKIRCHEN), null));
        assertEquals(
                GELSENKIRCHEN,
                TenantContext.chooseTenant(List.of(BOCHUM, GELSENKIRCHEN), "gelsenkirchen"));
    }

    @Test
    void nobodyCanActForATenantTheyDoNotBelongTo() {
        assertThrows(
                AccessDeniedException.class,
                () -> TenantContext.chooseTenant(List.of(BOCHUM), "gelsenkirchen"));
    }
}
