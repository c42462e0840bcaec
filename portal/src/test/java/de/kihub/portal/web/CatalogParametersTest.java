package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.RiskClass;
import de.kihub.registry.search.CatalogQuery;
import de.kihub.registry.search.CatalogSort;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogParametersTest {

    static CatalogParameters of(String query) {
        return CatalogParameters.of(QueryParameters.parse(query));
    }

    @Test
    void readsTheApiParameters() {
        CatalogQuery q =
                of("q=Z%C3%A4hler&riskClass=minimal&sort=reuse&page=2&size=5&lang=en&foo=bar")
                        .query();
        assertEquals("Zähler", q.text());
        assertEquals(RiskClass.MINIMAL, q.riskClass());
        assertEquals(CatalogSort.REUSE, q.sort());
        assertEquals(2, q.page());
        assertEquals(5, q.size());
    }

    @Test
    void linksKeepOnlyCatalogParametersInAStableOrder() {
        assertEquals(
                "?q=x&task=t&sort=newest&page=3",
                of("page=3&lang=en&sort=newest&task=t&q=x&foo=1&owner=").link().toString());
    }

    @Test
    void namesEachRejectedParameter() {
        CatalogParameters p =
                of("q=ok&sort=popular&page=0&size=abc&riskClass=EXTREME&format=pickle");
        assertEquals(List.of("riskClass", "format", "sort", "page", "size"), p.invalid());
        assertThrows(InvalidRequestException.class, p::query);
        assertEquals(List.of(), of("q=ok&page=2").invalid());
    }

    @Test
    void tooLongTextIsRejected() {
        assertEquals(List.of("q"), of("q=" + "a".repeat(501)).invalid());
    }
}
