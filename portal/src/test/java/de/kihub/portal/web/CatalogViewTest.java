package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.search.CatalogHit;
import de.kihub.registry.search.CatalogResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogViewTest {

    static CatalogHit hit(String owner, String name, String highlight) {
        return new CatalogHit(
                owner + "/" + name,
                owner,
                name,
                new LocalizedText("Personenzählung", "People counting"),
                new LocalizedText("Zählt Personen.", null),
                "people-counting",
                "Mobilität",
                "MIT",
                List.of(),
                "PUBLIC",
                Instant.EPOCH,
                "MINIMAL",
                null,
                "1.0.0",
                "ONNX",
                2,
                highlight);
    }

    static CatalogView view(String query, long total, List<CatalogHit> hits, Locale locale) {
        CatalogParameters p = CatalogParameters.of(QueryParameters.parse(query));
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("task", Map.of("people-counting", 3L, "object-detection", 5L));
        facets.put("riskClass", Map.of("MINIMAL", 3L));
        facets.put("domain", Map.of());
        return CatalogView.of(p, p.query(), new CatalogResult(total, hits, facets), locale);
    }

    @Test
    void facetLinksKeepTheSearchAndStartAtPageOne() {
        CatalogView v =
                view("q=Z%C3%A4hler&sort=newest&page=2&size=1", 8, List.of(), Locale.GERMAN);
        CatalogView.Facet task = v.facets().get(0);
        assertEquals("task", task.name());
        assertEquals("object-detection", task.values().get(0).value(), "most matches first");
        assertEquals(
                "/katalog?q=Z%C3%A4hler&task=people-counting&sort=newest&size=1",
                task.values().get(1).href());
        assertEquals(2, v.facets().size(), "a facet without values is left out");
    }

    @Test
    void selectedFacetValueAndItsRemovalLink() {
        CatalogView v = view("q=x&riskClass=minimal&page=2", 3, List.of(), Locale.GERMAN);
        CatalogView.FacetValue minimal = v.facets().get(1).values().get(0);
        assertTrue(minimal.selected(), "riskClass is matched in any case");
        assertEquals(1, v.activeFilters().size());
        assertEquals("MINIMAL", v.activeFilters().get(0).value());
        assertEquals("/katalog?q=x", v.activeFilters().get(0).clearHref());
        assertEquals("/katalog?q=x", v.clearAllHref());
    }

    @Test
    void sortLinksKeepTheFiltersAndMarkTheCurrentOrder() {
        CatalogView v = view("q=x&task=t&page=3", 100, List.of(), Locale.GERMAN);
        assertEquals(3, v.sorts().size());
        assertTrue(v.sorts().get(0).selected());
        assertEquals("/katalog?q=x&task=t", v.sorts().get(0).href());
        assertEquals("/katalog?q=x&task=t&sort=newest", v.sorts().get(1).href());
        assertEquals("/katalog?q=x&task=t&sort=reuse", v.sorts().get(2).href());
        assertEquals(List.of(new CatalogView.Hidden("task", "t")), v.hidden());
    }

    @Test
    void pagingShowsAWindowAroundTheCurrentPage() {
        CatalogView.Paging p = CatalogView.paging(QueryParameters.parse("q=x"), 10, 20, 500, false);
        assertEquals(25, p.pages());
        assertEquals(181, p.start());
        assertEquals("/katalog?q=x&page=9", p.previousHref());
        assertEquals("/katalog?q=x&page=11", p.nextHref());
        assertEquals(
                List.of(1, 0, 8, 9, 10, 11, 12, 0, 25),
                p.links().stream().map(CatalogView.PageLink::number).toList());
        assertTrue(p.links().get(4).current());
        assertEquals("/katalog?q=x", p.links().get(0).href(), "page 1 has no page parameter");
    }

    @Test
    void firstAndOnlyPageHasNoNeighbours() {
        CatalogView.Paging p = CatalogView.paging(QueryParameters.EMPTY, 1, 20, 3, false);
        assertEquals(1, p.pages());
        assertNull(p.previousHref());
        assertNull(p.nextHref());
        assertFalse(p.beyondLast());
    }

    @Test
    void aPageBehindTheLastSaysSo() {
        CatalogView.Paging p = CatalogView.paging(QueryParameters.EMPTY, 9, 20, 30, true);
        assertTrue(p.beyondLast());
        assertEquals("/katalog?page=2", p.lastHref());
        assertEquals("/katalog?page=2", p.previousHref());
        assertNull(p.nextHref());
    }

    @Test
    void cardsInThePageLanguageWithFallback() {
        CatalogView.Card de = CatalogView.card(hit("kihub", "people-counter", null), false);
        CatalogView.Card en =
                CatalogView.card(hit("kihub", "people-counter", "<mark>x</mark>"), true);
        assertEquals("Personenzählung", de.displayName());
        assertEquals("People counting", en.displayName());
        assertEquals("Zählt Personen.", de.snippet().text(), "no highlight: the description");
        assertTrue(en.snippet().parts().get(0).marked());
        assertEquals("/katalog/kihub/people-counter", de.href());
    }
}
