package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void keepsOrderAndDecodesUtf8() {
        QueryParameters p =
                QueryParameters.parse("q=Personenz%C3%A4hlung&task=people-counting&page=2");
        assertEquals("Personenzählung", p.first("q"));
        assertEquals(
                "/katalog?q=Personenz%C3%A4hlung&task=people-counting&page=2", p.link("/katalog"));
    }

    @Test
    void replacesInPlaceAppendsAndRemoves() {
        QueryParameters p = QueryParameters.parse("q=a&page=2&task=x");
        assertEquals("?q=a&page=3&task=x", p.with("page", "3").toString());
        assertEquals("?q=a&page=2&task=x&lang=en", p.with("lang", "en").toString());
        assertEquals("?q=a&task=x", p.with("page", null).toString());
        assertEquals("?q=a&task=x", p.without("page").toString());
    }

    @Test
    void duplicatesCollapseToOneValueWhenSet() {
        QueryParameters p = QueryParameters.parse("task=a&q=x&task=b");
        assertEquals("a", p.first("task"));
        assertEquals("?task=c&q=x", p.with("task", "c").toString());
    }

    @Test
    void toleratesOddInput() {
        assertEquals("", QueryParameters.parse(null).toString());
        assertEquals("", QueryParameters.parse("&&").toString());
        QueryParameters p = QueryParameters.parse("q=100%&flag&=novalue");
        assertEquals("100%", p.first("q"));
        assertEquals("", p.first("flag"));
        assertNull(p.first("missing"));
    }

    @Test
    void encodesWhatLinksMustNotCarryRaw() {
        String link = QueryParameters.EMPTY.with("q", "\"><script>&x=1").link("/katalog");
        assertEquals("/katalog?q=%22%3E%3Cscript%3E%26x%3D1", link);
    }
}
