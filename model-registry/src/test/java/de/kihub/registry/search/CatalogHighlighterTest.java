package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Snippets are marked like the index matches, and nothing from the text survives as HTML. */
class CatalogHighlighterTest {

    static String snippet(String query, String de, String en) {
        return CatalogHighlighter.forQuery(query).snippet(de, en, null, null);
    }

    @Test
    void marksTheMatchedWordAndKeepsTheRest() {
        assertEquals(
                "Zählt <mark>Personen</mark> anonym in Kamerabildern.",
                snippet("Personen", "Zählt Personen anonym in Kamerabildern.", null));
    }

    @Test
    void marksCompoundPartsFoldedSpellingsAndStems() {
        String s = snippet("Zählung", "Die Passantenzählung am Bahnhof.", null);
        assertTrue(s.contains("<mark>") && s.contains("zählung</mark>"), s);
        assertTrue(
                snippet("fussgaenger", "Zählt Fußgänger und Radfahrer.", null)
                        .contains("<mark>Fußgänger</mark>"));
        assertTrue(
                snippet("counting", null, "Counts people in frames.")
                        .contains("<mark>Counts</mark>"));
    }

    @Test
    void marksTyposLikeTheSearchToleratesThem() {
        assertTrue(
                snippet("Stromverbruach", "Prognostiziert den Stromverbrauch von Gebäuden.", null)
                        .contains("<mark>Stromverbrauch</mark>"));
        // short words must match exactly
        assertFalse(snippet("Bus", "Zählt Busse.", null).contains("<mark>"));
    }

    @Test
    void marksSynonymsThatTheIndexExpands() {
        String s = snippet("footfall", null, "Measures people counting at the station.");
        assertTrue(s.contains("<mark>"), s);
    }

    @Test
    void escapesMarkupFromTheDescription() {
        String s =
                snippet(
                        "Zählung",
                        "<script>alert('x')</script> Zählung & \"Auswertung\" <b>fett</b>",
                        null);
        assertEquals(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>Zählung</mark> &amp;"
                        + " &quot;Auswertung&quot; &lt;b&gt;fett&lt;/b&gt;",
                s);
        assertFalse(s.contains("<script"));
    }

    @Test
    void cutsAboutTwoHundredCharactersAroundTheMatchesAtWordBoundaries() {
        String filler = "Lorem ipsum dolor sit amet consectetur ".repeat(20);
        String text = filler + "Hier steht die Pegelstand Prognose fuer Fluesse. " + filler;
        String s = snippet("Pegelstand", text, null);
        assertTrue(s.startsWith("…") && s.endsWith("…"), s);
        assertTrue(s.contains("<mark>Pegelstand</mark>"), s);
        String plain = s.replace("<mark>", "").replace("</mark>", "").replace("…", "");
        assertTrue(plain.length() <= CatalogHighlighter.SNIPPET, plain.length() + ": " + s);
        assertTrue(plain.length() >= CatalogHighlighter.SNIPPET - 40, plain.length() + ": " + s);
        assertTrue(text.contains(plain.strip()), "cut at word boundaries: " + plain);
    }

    @Test
    void prefersTheWindowWithMoreMatches() {
        String filler = "und weitere Worte ohne Bezug ".repeat(15);
        String text =
                "Hochwasser kurz erwähnt. "
                        + filler
                        + "Pegelstand bei Hochwasser und Starkregen vorhersagen.";
        String s = snippet("Hochwasser Pegelstand", text, null);
        assertTrue(s.contains("<mark>Pegelstand</mark> bei <mark>Hochwasser</mark>"), s);
    }

    @Test
    void usesTheCardWhenTheDescriptionHasNoMatch() {
        String s =
                CatalogHighlighter.forQuery("Arena")
                        .snippet(
                                "Zählt Personen.",
                                "Counts people.",
                                "Zählung beim Verlassen einer Arena nach dem Spiel.",
                                null);
        assertTrue(s.contains("<mark>Arena</mark>"), s);
    }

    @Test
    void withoutAMatchShowsTheStartOfTheDescriptionUnmarked() {
        assertEquals(
                "Zählt Personen &lt;anonym&gt;.",
                CatalogHighlighter.forQuery("Quanten")
                        .snippet("Zählt Personen <anonym>.", "x", null, null));
        assertNull(CatalogHighlighter.forQuery("Quanten").snippet(null, null, null, null));
    }

    @Test
    void excludedWordsAreNotMarked() {
        String s = snippet("Personen -Fahrzeuge", "Personen und Fahrzeuge.", null);
        assertEquals("<mark>Personen</mark> und Fahrzeuge.", s);
    }

    @Test
    void editDistance() {
        assertTrue(CatalogHighlighter.withinDistance("zahlung", "zalung", 1));
        assertFalse(CatalogHighlighter.withinDistance("zahlung", "zlng", 1));
        assertTrue(CatalogHighlighter.withinDistance("stromverbrauch", "stromverbruach", 2));
    }
}
