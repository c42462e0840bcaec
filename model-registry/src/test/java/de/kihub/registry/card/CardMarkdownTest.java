package de.kihub.registry.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardMarkdownTest {
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z0-9]+)([^>]*)>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Test
    void keepsOrdinaryMarkdown() {
        String html =
                CardMarkdown.toHtml(
                        """
                        ## Zweck

                        Zählt *Personen* und **nur** Summen, siehe `counting` und \
                        [die Doku](https://example.org/doku?a=1).

                        1. eins
                        2. zwei

                        - rot
                        - grün

                        > Zitat

                        | Metrik | Wert |
                        |:--|--:|
                        | MAE | 0,49 |

                        ```java
                        int x = 1;
                        ```
                        """);
        assertTrue(html.contains("<h2>Zweck</h2>"), html);
        assertTrue(html.contains("<em>Personen</em>"), html);
        assertTrue(html.contains("<strong>nur</strong>"), html);
        assertTrue(html.contains("<code>counting</code>"), html);
        assertTrue(
                html.contains(
                        "<a href=\"https://example.org/doku?a&#61;1\" rel=\"nofollow noopener\">"
                                + "die Doku</a>"),
                html);
        assertTrue(html.contains("<ol><li>eins</li><li>zwei</li></ol>"), html);
        assertTrue(html.contains("<ul><li>rot</li><li>grün</li></ul>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<th align=\"left\">Metrik</th>"), html);
        assertTrue(html.contains("<td align=\"right\">0,49</td>"), html);
        assertTrue(html.contains("<pre><code class=\"language-java\">int x &#61; 1;"), html);
    }

    @Test
    void rendersHostileInputHarmless() {
        String html =
                CardMarkdown.toHtml(
                        """
                        Text <script>alert('inline')</script> weiter.

                        <script>alert('block')</script>

                        <img src=x onerror=alert(1)>

                        Ein <a href="javascript:alert(2)">Link</a> und <b>fett</b>.

                        <iframe src="https://evil.example/"></iframe>

                        <style>body { display: none }</style>

                        <div onclick="alert(3)" style="position:fixed">Kasten</div>

                        [js](javascript:alert(4)) [JS](JaVaScRiPt:alert(5)) \
                        [tab](java&#x09;script:alert(6)) [data](data:text/html;base64,PHNjcmlwdD4=) \
                        [vb](vbscript:msgbox) <javascript:alert(7)>

                        ![pixel](data:image/svg+xml;base64,PHN2Zz4=) ![track](https://tracker.example/p.png)

                        [ok](https://example.org/)
                        """);
        assertSafe(html);
        // escaped, so the words are there as text and nothing runs
        assertTrue(html.contains("&lt;script&gt;alert(&#39;block&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("weiter."), html);
        assertTrue(
                html.contains("<a href=\"https://example.org/\" rel=\"nofollow noopener\">ok</a>"));
        // images become links to the picture: reading a card loads nothing from elsewhere
        assertTrue(
                html.contains(
                        "<a href=\"https://tracker.example/p.png\" rel=\"nofollow noopener\">"
                                + "track</a>"),
                html);
        // links with a forbidden target lose the link and keep their text
        assertTrue(html.contains("js"), html);
        assertTrue(html.contains("data"), html);
    }

    @Test
    void leavesHtmlCommentsOut() {
        String html =
                CardMarkdown.toHtml(
                        "<!-- Notiz für uns: noch prüfen -->\n\nSichtbar <!-- inline geheim --> hier.");
        assertFalse(html.contains("Notiz"), html);
        assertFalse(html.contains("geheim"), html);
        assertFalse(html.contains("<!--"), html);
        assertTrue(html.contains("Sichtbar"), html);
        assertTrue(html.contains("hier."), html);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<svg onload=alert(1)>",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<form action=\"javascript:alert(1)\"><button>x</button></form>",
                "[x](&#106;avascript:alert(1))",
                "[x]( javascript:alert(1) )",
                "<details open ontoggle=alert(1)>",
                "`<script>` and ``<img onerror=x>``",
                "<scr<script>ipt>alert(1)</script>",
                "[a](https://x.example/ \"title\" onmouseover=\"alert(1)\")"
            })
    void nothingExecutableSurvives(String markdown) {
        assertSafe(CardMarkdown.toHtml(markdown));
    }

    @Test
    void plainTextIsWhatAReaderSees() {
        assertEquals(
                "Zählt Personen , siehe Doku . a b 1 2",
                CardMarkdown.toPlainText(
                        "# \n**Zählt** _Personen_, siehe [Doku](https://x.example). <b></b>"
                                + "<!-- nix -->\n\n| a | b |\n|---|---|\n| 1 | 2 |"));
        assertEquals("", CardMarkdown.toPlainText("<div>\n</div>"));
        assertEquals("", CardMarkdown.toHtml("  "));
        assertEquals("", CardMarkdown.toHtml(null));
    }

    /** Only allowed tags and attributes, links only to http(s)/mailto and always with rel. */
    private static void assertSafe(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String bad :
                new String[] {
                    "<script",
                    "<img",
                    "<iframe",
                    "<style",
                    "<svg",
                    "<math",
                    "<object",
                    "<form",
                    "<div",
                    "<details",
                    "<b>",
                    "onerror=",
                    "onload=",
                    "onclick=",
                    "style=",
                    "javascript:\"",
                    "href=\"javascript",
                    "href=\"data",
                    "href=\"vbscript",
                    "<!--"
                }) {
            assertFalse(lower.contains(bad), bad + " in " + html);
        }
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String attributes = tags.group(2);
            assertFalse(attributes.matches("(?s).*\\son[a-z]+=.*"), html);
            if (tags.group(1).equals("a")) {
                Matcher href = HREF.matcher(attributes);
                assertTrue(href.find(), "a link without target: " + html);
                assertTrue(
                        href.group(1).matches("(https?|mailto):.*"),
                        "link target " + href.group(1));
                assertTrue(attributes.contains("rel=\"nofollow noopener\""), html);
            }
        }
    }
}
