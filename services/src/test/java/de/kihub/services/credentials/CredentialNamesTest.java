package de.kihub.services.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialNamesTest {

    @Test
    void keepsPrintableTextWithoutSurroundingWhiteSpace() {
        assertEquals(
                "Kamera Marktplatz Süd 📷", CredentialNames.require("  Kamera Marktplatz Süd 📷 "));
        assertEquals("x".repeat(100), CredentialNames.require("x".repeat(100)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "cam\nera",
                "cam\u0000era",
                "cam\u007fera",
                "evil\u202Egpj.exe",
                "zero\u200Bwidth",
                "\uD800lonely surrogate",
                "private\uE000use"
            })
    void refusesEmptyOrUnprintableNames(String name) {
        assertThrows(InvalidRequestException.class, () -> CredentialNames.require(name));
    }

    @Test
    void refusesNamesLongerThanHundredCharacters() {
        assertThrows(InvalidRequestException.class, () -> CredentialNames.require("x".repeat(101)));
    }
}
