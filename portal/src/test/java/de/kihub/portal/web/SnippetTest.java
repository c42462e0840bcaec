package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void splitsTheHighlightAtItsMarks() {
        Snippet s =
                Snippet.ofHighlight(
                        "Zählt <mark>Personen</mark> anonym, z. B. <mark>Besucherströme</mark>.");
        assertEquals(
                List.of(
                        new Snippet.Part("Zählt ", false),
                        new Snippet.Part("Personen", true),
                        new Snippet.Part(" anonym, z. B. ", false),
                        new Snippet.Part("Besucherströme", true),
                        new Snippet.Part(".", false)),
                s.parts());
    }

    @Test
    void escapedMarkupBecomesPlainTextAgain() {
        Snippet s =
                Snippet.ofHighlight(
                        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;lt; <mark>A&amp;B</mark>");
        assertEquals("<script>alert('x')</script> &lt; A&B", s.text());
        assertTrue(s.parts().get(1).marked());
        assertEquals("A&B", s.parts().get(1).text());
    }

    @Test
    void anUnclosedMarkMarksTheRest() {
        Snippet s = Snippet.ofHighlight("a <mark>b");
        assertEquals(
                List.of(new Snippet.Part("a ", false), new Snippet.Part("b", true)), s.parts());
    }

    @Test
    void noHighlightNoParts() {
        assertTrue(Snippet.ofHighlight(null).isEmpty());
        assertTrue(Snippet.ofHighlight("").isEmpty());
        assertTrue(Snippet.plain("  ", 10).isEmpty());
    }

    @Test
    void plainTextIsCutAtAWord() {
        assertEquals("eins zwei…", Snippet.plain("eins  zwei\ndrei", 12).text());
        assertEquals("kurz", Snippet.plain(" kurz ", 12).text());
        assertEquals("abcdefghij…", Snippet.plain("abcdefghijklmnop", 10).text());
    }
}
