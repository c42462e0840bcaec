package de.kihub.registry.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "0.1.0", "10.20.30", "1.0.0-rc.1", "1.0.0-alpha+build.5"})
    void acceptsSemanticVersions(String text) {
        assertEquals(text, SemanticVersion.parse(text).toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0 ", "a.b.c"})
    void rejectsEverythingElseWithAClearMessage(String text) {
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> SemanticVersion.parse(text));
        assertTrue(e.getMessage().contains("semantic version"), e.getMessage());
    }

    @Test
    void ordersByPrecedenceAsSemverOrgSays() {
        List<String> sorted =
                Stream.of(
                                "1.0.0",
                                "1.0.0-rc.1",
                                "1.0.0-alpha",
                                "1.0.0-alpha.1",
                                "1.0.0-beta.11",
                                "1.0.0-beta.2",
                                "2.0.0",
                                "1.10.0",
                                "1.9.0")
                        .map(SemanticVersion::parse)
                        .sorted()
                        .map(SemanticVersion::toString)
                        .toList();
        assertEquals(
                List.of(
                        "1.0.0-alpha",
                        "1.0.0-alpha.1",
                        "1.0.0-beta.2",
                        "1.0.0-beta.11",
                        "1.0.0-rc.1",
                        "1.0.0",
                        "1.9.0",
                        "1.10.0",
                        "2.0.0"),
                sorted);
    }
}
