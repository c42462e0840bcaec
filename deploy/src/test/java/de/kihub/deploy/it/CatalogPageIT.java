package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.enc;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The catalog pages in a real browser (headless Chromium) and over plain HTTP: searching, facets,
 * sort and paging as bookmarkable links, the language switch, keyboard use, suggestions as you
 * type, the model page, friendly pages for empty results and bad input, no JavaScript errors, and
 * axe-core's WCAG 2.1 AA rules on every page; screenshots under target/screenshots/CatalogPageIT.
 * Two models of this run share a made-up word, so that facets and paging have something to show.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogPageIT {
    static final String FLAGSHIP = "kihub/people-counter";
    static final String QUERY = "Personenzählung";

    /** A word only this run's two models contain, and their addresses. */
    static final String WORD = "Seitenprobe" + UUID.randomUUID().toString().substring(0, 8);

    static final String DETECTOR = "w-hs/pegel-" + WORD.toLowerCase();
    static final String COUNTER = "w-hs/zaehler-" + WORD.toLowerCase();
    private static boolean published;

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(CatalogPageIT.class);

    @ArquillianResource URL url;

    URI base;

    @BeforeEach
    void publishTheTwoModelsOnce() throws Exception {
        base = url.toURI();
        if (!published) {
            publish(
                    DETECTOR,
                    "Pegelmesser " + WORD,
                    "Erkennt Wasserstände an Pegeln. "
                            + WORD
                            + " <script>alert('xss')</script> & mehr.",
                    "object-detection",
                    "MIT",
                    "LIMITED");
            publish(
                    COUNTER,
                    "Besucherzähler " + WORD,
                    "Zählt Besucher an Eingängen. " + WORD,
                    "people-counting",
                    "Apache-2.0",
                    "MINIMAL");
            published = true;
        }
    }

    void publish(
            String ref,
            String displayName,
            String description,
            String task,
            String license,
            String riskClass) {
        Registry registry = new Registry(base);
        String rita = token("rita.researcher");
        String carla = token("carla.curator");
        String body =
                Json.createObjectBuilder()
                        .add("name", ref.substring(ref.indexOf('/') + 1))
                        .add(
                                "displayName",
                                Json.createObjectBuilder()
                                        .add("de", displayName)
                                        .add("en", displayName))
                        .add(
                                "description",
                                Json.createObjectBuilder()
                                        .add("de", description)
                                        .add("en", description))
                        .add("task", task)
                        .add("domain", "Umwelt")
                        .add("license", license)
                        .add("riskClass", riskClass)
                        .add("visibility", "PUBLIC")
                        .build()
                        .toString();
        HttpResponse<String> created = registry.json(rita, "POST", "api/v1/models", body);
        assertEquals(201, created.statusCode(), created::body);
        assertEquals(201, registry.createVersion(rita, ref, "1.0.0").statusCode());
        HttpResponse<String> up = registry.upload(rita, ref, "1.0.0", TestOnnx.identityModel());
        assertEquals(200, up.statusCode(), up::body);
        assertEquals(200, registry.action(rita, ref, "1.0.0", "submit", null).statusCode());
        HttpResponse<String> approved = registry.action(carla, ref, "1.0.0", "approve", "ok");
        assertEquals(200, approved.statusCode(), approved::body);
    }

    /** The models of the result cards, in order. */
    static List<String> cards(Browser browser) {
        return browser.findAll(".card .model-id").stream().map(WebElement::getText).toList();
    }

    // --- in the browser ----------------------------------------------------------------------

    @Test
    void anonymousSearchFindsThePeopleCounterFirst() {
        Browser browser = browsers.start();
        browser.open("").checkPage("home");
        WebElement box = browser.find("#q");
        box.sendKeys(QUERY);
        browser.follow("form[role=search] button[type=submit]");

        assertEquals(base.resolve("katalog?q=" + enc(QUERY)).toString(), browser.url());
        assertEquals(FLAGSHIP, cards(browser).get(0), "first card");
        WebElement first = browser.find(".card");
        assertEquals("Personenzählung", first.findElement(By.cssSelector(".task")).getText());
        assertEquals("Apache-2.0", first.findElement(By.cssSelector(".license")).getText());
        assertTrue(
                first.findElement(By.cssSelector(".usage"))
                        .getText()
                        .matches("noch von keiner Kommune genutzt|genutzt von \\d+ Kommunen?"),
                "usage line");
        // the query matched the name; the snippet is the start of the description
        assertFalse(first.findElement(By.cssSelector(".snippet")).getText().isBlank(), "a snippet");
        assertEquals(
                base.resolve("katalog/kihub/people-counter").toString(),
                first.findElement(By.cssSelector("h3 a")).getAttribute("href"));
        browser.checkPage("results-personenzaehlung");

        browser.follow(first.findElement(By.cssSelector("h3 a")));
        assertEquals("Personenzählung (NanoDet-m)", browser.find("h1").getText());
        assertTrue(
                browser.findAll("table.versions tbody tr").stream()
                        .anyMatch(r -> r.getText().startsWith("1.0.0 veröffentlicht")),
                "version 1.0.0 published: " + browser.find("table.versions").getText());
        browser.checkPage("model-people-counter");

        browser.open("katalog").checkPage("catalog");
        browser.assertNoConsoleErrors();
    }

    @Test
    void facetAndSortLinksKeepTheSearchAndTheAddressIsABookmark() {
        Browser browser = browsers.start();
        browser.open("katalog?q=" + enc(WORD));
        assertEquals(new TreeSet<>(Set.of(DETECTOR, COUNTER)), new TreeSet<>(cards(browser)));
        for (WebElement mark : browser.findAll(".card .snippet mark")) {
            assertEquals(WORD, mark.getText(), "only the searched word is marked");
        }
        assertEquals(
                2, browser.findAll(".card .snippet mark").size(), "marked in both descriptions");

        WebElement detection = browser.find("a[data-facet=task][data-value=object-detection]");
        assertTrue(detection.getText().startsWith("Objekterkennung"), detection.getText());
        String facetHref = detection.getAttribute("href");
        assertTrue(
                facetHref.contains("q=" + enc(WORD)) && facetHref.contains("task=object-detection"),
                facetHref);
        browser.follow(detection);
        assertEquals(List.of(DETECTOR), cards(browser));
        assertTrue(browser.find(".remove-filter").getText().contains("Objekterkennung"));

        browser.follow("#sort-newest");
        String bookmark = browser.url();
        assertEquals(
                base.resolve("katalog?q=" + enc(WORD) + "&task=object-detection&sort=newest")
                        .toString(),
                bookmark);
        assertEquals("true", browser.find("#sort-newest").getAttribute("aria-current"));
        browser.checkPage("results-filtered-sorted");

        // the address alone gives the same page, in a browser that has never been here
        try (Browser other = browsers.startAnother()) {
            other.openUrl(bookmark);
            assertEquals(List.of(DETECTOR), cards(other));
            assertEquals("true", other.find("#sort-newest").getAttribute("aria-current"));
        }

        // removing the filter keeps the text and the order
        browser.follow(".remove-filter");
        assertEquals(
                base.resolve("katalog?q=" + enc(WORD) + "&sort=newest").toString(), browser.url());
        assertEquals(2, cards(browser).size());
        browser.assertNoConsoleErrors();
    }

    @Test
    void pagingLinksKeepTheSearch() {
        Browser browser = browsers.start();
        browser.open("katalog?q=" + enc(WORD) + "&size=1");
        assertEquals("Seite 1 von 2", browser.find(".page-of").getText());
        String first = cards(browser).get(0);
        WebElement next = browser.find("#page-next");
        assertEquals(
                base.resolve("katalog?q=" + enc(WORD) + "&page=2&size=1").toString(),
                next.getAttribute("href"));
        browser.follow(next);
        assertEquals("Seite 2 von 2", browser.find(".page-of").getText());
        assertNotEquals(first, cards(browser).get(0));
        assertEquals("page", browser.find(".paging a[aria-current]").getAttribute("aria-current"));
        assertTrue(browser.findAll("#page-next").isEmpty(), "no next page after the last");
        browser.checkPage("results-page-2");
        browser.follow("#page-previous");
        assertEquals(List.of(first), cards(browser));
        browser.assertNoConsoleErrors();
    }

    @Test
    void englishSwitchKeepsTheSearchAndSticks() {
        Browser browser = browsers.start();
        browser.open("katalog?q=" + enc(WORD) + "&task=people-counting");
        assertEquals("de", browser.find("html").getAttribute("lang"));
        browser.follow("#language-switch");
        assertEquals(
                base.resolve("katalog?q=" + enc(WORD) + "&task=people-counting&lang=en").toString(),
                browser.url());
        assertEquals("en", browser.find("html").getAttribute("lang"));
        assertEquals("Model catalog", browser.find("h1").getText());
        assertTrue(browser.find("#results-heading").getText().startsWith("1 model found"));
        assertEquals("People counting", browser.find(".card .task").getText());
        assertEquals(List.of(COUNTER), cards(browser));
        browser.checkPage("results-english");

        // the choice is kept without the parameter; links carry no language
        browser.follow("#sort-reuse");
        assertFalse(browser.url().contains("lang="), browser.url());
        assertEquals("Most used", browser.find("#sort-reuse").getText());
        browser.follow("#language-switch");
        assertEquals("de", browser.find("html").getAttribute("lang"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void theSearchBoxIsReachedByKeyboardInAVisibleOrder() {
        Browser browser = browsers.start();
        browser.open("katalog");
        List<String> order =
                List.of("skip-link", "KI-Hub", "nav-catalog", "language-switch", "login", "q");
        for (String expected : order) {
            WebElement focused = browser.tab();
            String id = focused.getAttribute("id");
            String seen =
                    id == null || id.isEmpty()
                            ? (focused.getAttribute("class").contains("skip-link")
                                    ? "skip-link"
                                    : focused.getText())
                            : id;
            assertEquals(expected, seen, "tab order " + order);
            assertNotEquals(
                    "none", focused.getCssValue("outline-style"), "visible focus on " + expected);
        }

        // the skip link leads straight to the search box
        browser.open("katalog");
        WebElement skip = browser.tab();
        assertEquals("Zum Inhalt springen", skip.getText());
        assertTrue(skip.isDisplayed(), "the skip link shows when focused");
        browser.press(Keys.ENTER);
        assertEquals("q", browser.tab().getAttribute("id"));

        // typing and Enter search without touching the mouse
        browser.press(WORD);
        browser.navigating(() -> browser.press(Keys.ENTER));
        assertEquals(2, cards(browser).size(), browser.url());
        browser.assertNoConsoleErrors();
    }

    @Test
    void suggestionsAsYouTypeOpenTheChosenModel() {
        Browser browser = browsers.start();
        browser.open("katalog");
        WebElement box = browser.find("#q");
        assertEquals("combobox", box.getAttribute("role"), "the script enhanced the box");
        box.sendKeys("Perso");
        browser.waitFor("#q-suggestions [role=option]");
        assertEquals("true", box.getAttribute("aria-expanded"));
        assertEquals("listbox", browser.find("#q-suggestions").getAttribute("role"));
        List<WebElement> options = browser.findAll("#q-suggestions [role=option]");
        int flagship = -1;
        for (int i = 0; i < options.size() && flagship < 0; i++) {
            if (options.get(i).getText().contains(FLAGSHIP)) {
                flagship = i;
            }
        }
        assertTrue(
                flagship >= 0,
                "the people counter is suggested: " + browser.find("#q-suggestions").getText());
        assertTrue(
                browser.find("[role=status]").getAttribute("textContent").contains("Vorschläge"));

        for (int i = 0; i <= flagship; i++) {
            box.sendKeys(Keys.ARROW_DOWN);
        }
        WebElement active = options.get(flagship);
        assertEquals(active.getAttribute("id"), box.getAttribute("aria-activedescendant"));
        assertEquals("true", active.getAttribute("aria-selected"));
        browser.navigating(() -> box.sendKeys(Keys.ENTER));
        assertEquals(base.resolve("katalog/kihub/people-counter").toString(), browser.url());

        // the open list passes the accessibility rules too; Escape closes it
        browser.open("katalog");
        WebElement again = browser.find("#q");
        again.sendKeys(WORD.substring(0, 8));
        browser.waitFor("#q-suggestions [role=option]");
        browser.checkPage("suggestions");
        again = browser.find("#q");
        if ("false".equals(again.getAttribute("aria-expanded"))) {
            // the screenshot resized the window, which took the focus away and closed the list
            again.sendKeys(WORD.substring(8, 9));
            browser.waitFor("#q-suggestions [role=option]");
        }
        again.sendKeys(Keys.ESCAPE);
        assertEquals("false", again.getAttribute("aria-expanded"));
        assertFalse(browser.find("#q-suggestions").isDisplayed());
        browser.assertNoConsoleErrors();
    }

    @Test
    void publisherTextIsShownAsTextNeverRun() {
        Browser browser = browsers.start();
        browser.open("katalog?q=" + enc("Pegelmesser " + WORD));
        WebElement card = browser.find(".card");
        assertTrue(
                card.getText().contains("<script>alert('xss')</script> & mehr."), card.getText());
        assertTrue(browser.findAll(".card script").isEmpty());
        browser.assertNoConsoleErrors();
    }

    @Test
    void friendlyPagesForNothingFoundBadParametersAndUnknownModels() {
        Browser browser = browsers.start();
        browser.open("katalog?q=Quarkstrudelweltmeisterschaft" + WORD);
        assertEquals(
                "Keine Modelle gefunden für „Quarkstrudelweltmeisterschaft" + WORD + "“",
                browser.find("#results-heading").getText());
        browser.checkPage("results-empty");

        browser.open("katalog?q=" + enc(WORD) + "&sort=popular&page=zwei");
        assertTrue(browser.find("#invalid-heading").isDisplayed());
        String notice = browser.find(".notice.error").getText();
        assertTrue(notice.contains("„popular“") && notice.contains("„zwei“"), notice);
        browser.checkPage("invalid-parameters");
        browser.follow("#without-invalid");
        assertEquals(base.resolve("katalog?q=" + enc(WORD)).toString(), browser.url());
        assertEquals(2, cards(browser).size());

        browser.open("katalog/kihub/gibt-es-nicht");
        assertEquals("Nicht gefunden", browser.find("h1").getText());
        browser.checkPage("model-not-found");
        // the 400 and 404 answers above are logged by the browser as failed loads: no console check
        // here
    }

    @Test
    void aSignedInMemberSeesTheSameWithoutJavaScriptErrors() {
        Browser browser = browsers.start();
        browser.open("katalog?q=" + enc(QUERY));
        browser.signIn("mia.member");
        assertEquals(
                base.resolve("katalog?q=" + enc(QUERY)).toString(),
                browser.url(),
                "signing in returns to the page it started from");
        assertEquals("Angemeldet als mia.member", browser.find("#signed-in-user").getText());
        assertEquals(FLAGSHIP, cards(browser).get(0));
        browser.checkPage("results-signed-in");
        browser.open("katalog/kihub/people-counter").checkPage("model-signed-in");
        browser.open("").checkPage("home-signed-in");
        assertEquals("mia.member", browser.find("#user").getText());
        browser.assertNoConsoleErrors();
    }

    // --- without JavaScript: plain HTTP, as a browser with scripts off or a screen reader's fetch
    // --

    HttpResponse<String> page(String path) {
        return Hub.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Accept", "text/html")
                        .GET()
                        .build());
    }

    @Test
    void theSearchFormWorksWithoutJavaScript() {
        HttpResponse<String> home = page("");
        assertTrue(
                home.body()
                        .contains(
                                "<form class=\"search\" role=\"search\" method=\"get\" action=\"/katalog\">"),
                home.body());
        // what the form sends: GET /katalog?q=...
        HttpResponse<String> r = page("katalog?q=" + enc(QUERY));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String body = r.body();
        Matcher firstCard = Pattern.compile("class=\"card-link\" href=\"([^\"]+)\"").matcher(body);
        assertTrue(firstCard.find(), body);
        assertEquals("/katalog/kihub/people-counter", firstCard.group(1), "the first card");
        assertTrue(body.contains("value=\"" + QUERY + "\""), "the box keeps the text");
        String own = page("katalog?q=" + enc(WORD)).body();
        assertTrue(own.contains("<mark>" + WORD + "</mark>"), "highlighted: " + own);
    }

    @Test
    void badInputAnswersAFriendlyPageNotAStackTrace() {
        HttpResponse<String> bad = page("katalog?q=x&size=abc&riskClass=EXTREME");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Die Risikoklasse „EXTREME“ gibt es nicht"), bad.body());
        assertTrue(bad.body().contains("Die Seitengröße „abc“"), bad.body());
        assertFalse(
                bad.body().contains("Exception") || bad.body().contains("at de.kihub"), bad.body());

        HttpResponse<String> script = page("katalog?q=" + enc("<script>alert(1)</script>"));
        assertEquals(200, script.statusCode());
        assertFalse(script.body().contains("<script>alert(1)"), script.body());
        assertTrue(script.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

        HttpResponse<String> published = page("katalog?q=" + enc("Pegelmesser " + WORD));
        assertFalse(published.body().contains("<script>alert('xss')"), published.body());

        for (String path :
                List.of(
                        "katalog/kihub/gibt-es-nicht",
                        "katalog/kihub",
                        "katalog/a/b/c",
                        "katalog/X%20Y/z")) {
            HttpResponse<String> missing = page(path);
            assertEquals(404, missing.statusCode(), path);
            assertTrue(
                    missing.body().contains("<h1>Nicht gefunden</h1>"),
                    path + ": " + missing.body());
        }
    }
}
