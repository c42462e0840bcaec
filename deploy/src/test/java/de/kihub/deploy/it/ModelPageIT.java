package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model page in a real browser: the card as sanitised HTML (a publisher's {@code <script>} is
 * text and never runs), files with their sha256 and download links, the evaluations section, the
 * usage count, card exports; and "Try it" on the public people counter: a real photo is counted
 * with the boxes drawn into the answer, bad uploads get a friendly 400 page, and nothing is stored.
 * axe-core and a screenshot on each page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModelPageIT {
    static final Path DATA = Path.of(System.getProperty("kihub.test.data", "../../shared/data"));

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(ModelPageIT.class);

    @ArquillianResource URL url;

    @TempDir Path temp;

    @Test
    void showsTheCardSanitisedWithFilesEvaluationsAndExports() throws Exception {
        URI base = url.toURI();
        Registry registry = new Registry(base);
        String rita = token("rita.researcher");
        String name = Registry.unique("modelpage");
        String ref = "w-hs/" + name;
        assertEquals(201, registry.createModel(rita, name, "PRIVATE").statusCode());
        assertEquals(201, registry.createVersion(rita, ref, "1.0.0").statusCode());
        HttpResponse<String> up = registry.upload(rita, ref, "1.0.0", TestOnnx.identityModel());
        assertEquals(200, up.statusCode(), up::body);
        String sha = Hub.json(up.body()).getJsonObject("artifact").getString("sha256");
        HttpResponse<String> card =
                registry.json(
                        rita,
                        "PUT",
                        "api/v1/models/" + ref + "/versions/1.0.0/card",
                        "{\"sections\":{\"MODEL_DETAILS\":{\"de\":\"Zählt **Besucher** am"
                                + " Stadion. <script>window.hacked=1</script> <img src=x"
                                + " onerror=\\\"window.hacked=2\\\">\",\"en\":\"Counts"
                                + " visitors at the stadium.\"}}}");
        assertEquals(200, card.statusCode(), card::body);

        Browser browser = browsers.start();
        browser.open("").signIn("rita.researcher");
        browser.open("katalog/" + ref).checkPage("model-with-card");
        assertTrue(browser.find("#card-heading").getText().contains("1.0.0"));
        assertEquals("Besucher", browser.find("#card .card-body strong").getText());
        assertTrue(browser.findAll("#card .card-body script").isEmpty(), "no script element");
        assertTrue(browser.findAll("#card .card-body img").isEmpty(), "no img element");
        assertTrue(browser.find("#card .card-body").getText().contains("<script>window.hacked=1"));
        assertNull(browser.script("return window.hacked;"), "the publisher's script never ran");
        assertTrue(browser.find("#card-completeness").getText().contains("%"));
        // files: the artifact with its sha256, size and a download link
        String files = browser.find("#artifacts table").getText();
        assertTrue(files.contains(sha), files);
        assertTrue(
                browser.find("#artifacts a[download]")
                        .getAttribute("href")
                        .endsWith("/api/v1/models/" + ref + "/versions/1.0.0/artifact"));
        assertTrue(browser.find("#evaluations").isDisplayed());
        assertEquals("noch von keiner Kommune genutzt", browser.find("#usage-count").getText());
        assertTrue(browser.findAll("#try-it").isEmpty(), "no Try it for a private draft");
        // the exports are links to the card API
        String export = browser.find(".card-exports a").getAttribute("href");
        HttpResponse<String> html =
                Hub.send(
                        java.net.http.HttpRequest.newBuilder(URI.create(export))
                                .header("Authorization", "Bearer " + rita)
                                .build());
        assertEquals(200, html.statusCode(), html::body);
        assertTrue(html.body().contains("<strong>Besucher</strong>"), html.body());
        browser.assertNoConsoleErrors();

        // in English
        browser.open("katalog/" + ref + "?lang=en").checkPage("model-with-card-en");
        assertEquals("not used by any municipality yet", browser.find("#usage-count").getText());

        // another tenant's member sees a 404 page
        try (Browser mia = browsers.startAnother()) {
            mia.open("").signIn("mia.member");
            mia.open("katalog/" + ref);
            assertEquals("Nicht gefunden", mia.find("h1").getText());
            mia.checkPage("other-tenant-404");
        }
    }

    @Test
    void tryItCountsARealPhotoAndStoresNothing() throws Exception {
        URI base = url.toURI();
        Path photo = DATA.resolve("controls/basketball1.png").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(photo), "shared test data missing at " + photo);

        Browser browser = browsers.start();
        browser.open("katalog/kihub/people-counter").checkPage("people-counter-anonymous");
        assertTrue(browser.findAll("#try-it form").isEmpty(), "anonymous visitors see no form");
        assertTrue(browser.find("#try-sign-in").isDisplayed());
        String files = browser.find("#artifacts table").getText();
        JsonObject version =
                Hub.json(
                        Hub.get(base, "api/v1/models/kihub/people-counter/versions/1.0.0", null)
                                .body());
        assertTrue(files.contains(version.getJsonObject("artifact").getString("sha256")), files);
        assertTrue(browser.find("#card .card-body article.model-card").isDisplayed());
        assertEquals("100 %", browser.find("#card-completeness meter").getText());

        browser.signIn("mia.member");
        long objects = Registry.storedObjects();
        long temporary = Registry.temporaryFiles();
        String audit = newestAuditEntry(base);

        browser.find("#try-image").sendKeys(photo.toString());
        browser.follow("#try-submit");
        assertEquals(200, status(browser));
        String count = browser.find("#try-count").getText();
        assertTrue(count.matches("Version 1\\.0\\.0 hat [1-9]\\d* Personen? gefunden\\."), count);
        String src = browser.find("#try-result").getAttribute("src");
        assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, 40));
        Number width =
                (Number)
                        browser.script(
                                "return document.getElementById('try-result').naturalWidth;");
        assertTrue(width.intValue() > 0, "the drawn picture loads");
        browser.checkPage("try-it-result");
        browser.assertNoConsoleErrors();

        // a text file is refused with a friendly page
        Path text =
                Files.writeString(temp.resolve("notes.txt"), "kein Bild", StandardCharsets.UTF_8);
        browser.find("#try-image").sendKeys(text.toString());
        browser.follow(browser.find(".try-it-form button"));
        assertEquals("Ungültige Anfrage", browser.find("h1").getText());
        assertEquals(
                "Das Ausprobieren nimmt nur JPEG- und PNG-Bilder an.",
                browser.find("#error-reason").getText());
        browser.checkPage("try-it-wrong-type");

        // bytes that claim to be a PNG but are none
        Path fake =
                Files.writeString(temp.resolve("fake.png"), "not a png", StandardCharsets.UTF_8);
        browser.open("katalog/kihub/people-counter");
        browser.find("#try-image").sendKeys(fake.toString());
        browser.follow("#try-submit");
        assertTrue(
                browser.find("#error-reason")
                        .getText()
                        .startsWith("Das Bild ließ sich nicht lesen"),
                browser.find("#error-reason").getText());
        browser.checkPage("try-it-unreadable");

        // nothing was stored: no artifact file, no temporary file, no audit row
        assertEquals(objects, Registry.storedObjects());
        assertEquals(temporary, Registry.temporaryFiles());
        assertEquals(audit, newestAuditEntry(base));
    }

    /** The HTTP status of the page the browser shows, read from the Navigation Timing API. */
    static int status(Browser browser) {
        Object s =
                browser.script(
                        "var e = performance.getEntriesByType('navigation')[0];"
                                + " return e && e.responseStatus ? e.responseStatus : 200;");
        return ((Number) s).intValue();
    }

    /** The id of the newest audit entry (as the hub's curator sees all of them). */
    static String newestAuditEntry(URI base) {
        HttpResponse<String> r = Hub.get(base, "api/v1/audit?limit=1", token("carla.curator"));
        assertEquals(200, r.statusCode(), r::body);
        var entries = Hub.parse(r.body()).asJsonArray();
        return entries.isEmpty() ? "none" : entries.getJsonObject(0).getString("id");
    }
}
