package de.kihub.registry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogVocabularyTest {

    @Test
    void riskClassAndMaturityAreChosenFromTheirListsInAnyCase() {
        assertEquals(RiskClass.HIGH, CatalogVocabulary.riskClass(" high "));
        assertEquals(Maturity.PILOT, CatalogVocabulary.maturity("PILOT"));
        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class,
                        () -> CatalogVocabulary.riskClass("UNACCEPTABLE"));
        assertEquals(
                "Unknown riskClass 'UNACCEPTABLE'; use one of MINIMAL, LIMITED, HIGH.",
                e.getMessage());
        assertThrows(InvalidRequestException.class, () -> CatalogVocabulary.maturity("beta"));
    }

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicated() {
        assertEquals(
                List.of("fußgänger", "besucherströme"),
                CatalogVocabulary.tags(List.of(" Fußgänger", "fußgänger", "Besucherströme")));
    }

    @Test
    void rejectsMarkupInTags() {
        assertThrows(
                InvalidRequestException.class,
                () -> CatalogVocabulary.tags(List.of("<script>alert(1)</script>")));
    }

    @Test
    void rejectsTooManyTags() {
        assertThrows(
                InvalidRequestException.class,
                () ->
                        CatalogVocabulary.tags(
                                java.util.stream.IntStream.range(0, 21)
                                        .mapToObj(i -> "tag" + i)
                                        .toList()));
    }

    @Test
    void knowsTheTasksAndDomainsAndSpdxShape() {
        assertEquals("people-counting", CatalogVocabulary.task("people-counting"));
        assertEquals("Sicherheit & Ordnung", CatalogVocabulary.domain("Sicherheit & Ordnung"));
        assertEquals("Apache-2.0", CatalogVocabulary.license("Apache-2.0"));
        assertThrows(InvalidRequestException.class, () -> CatalogVocabulary.task("mind-reading"));
        assertThrows(InvalidRequestException.class, () -> CatalogVocabulary.domain("Mars"));
        assertThrows(InvalidRequestException.class, () -> CatalogVocabulary.license("MIT; rm -rf"));
    }
}
