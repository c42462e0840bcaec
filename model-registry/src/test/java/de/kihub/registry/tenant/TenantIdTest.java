package de.kihub.registry.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"gelsenkirchen", "w-hs", "kihub", "a", "stadt-42"})
    void acceptsOrganizationAliases(String alias) {
        assertEquals(alias, TenantId.of(alias).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "Gelsenkirchen",
                "-bochum",
                "bochum-",
                "../etc",
                "a b",
                "köln",
                "x1234567890123456789012345678901234567890123456789012345678901234"
            })
    void rejectsAnythingThatIsNotALowerCaseSlug(String alias) {
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> TenantId.of(alias));
        assertEquals(true, e.getMessage().contains("Invalid tenant id"));
    }

    @Test
    void printsAsItsValue() {
        assertEquals("bochum", TenantId.of("bochum").toString());
    }
}
