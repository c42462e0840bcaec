package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The researchers' pages {@code /forschung} in a real browser: rita creates a model through the
 * form (errors shown beside the fields first), a version, uploads a small ONNX model with the
 * progress bar (and once without JavaScript), sees the inspection result and a rejected file, edits
 * the card with a sanitised preview, submits, and carla finds it on {@code /pruefung}. A form
 * without the CSRF field changes nothing; members without the publisher role get 403.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResearcherPagesIT {

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(ResearcherPagesIT.class);

    @ArquillianResource URL url;

    @TempDir Path temp;

    static WebElement version(Browser browser, String version) {
        return browser.find("[id='v-" + version + "']");
    }

    /**
     * Waits until the browser shows an address containing {@code part}: the registry loads an
     * uploaded model in a child JVM before it answers, which can take longer than a page load.
     */
    static void waitForUrl(Browser browser, String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(
                        browser.driver(), java.time.Duration.ofSeconds(180))
                .until(
                        d ->
                                d.getCurrentUrl().contains(part)
                                        && "complete"
                                                .equals(
                                                        browser.script(
                                                                "return document.readyState")));
    }

    static String status(URI base, String ref, String version) {
        HttpResponse<String> r =
                Hub.get(
                        base,
                        "api/v1/models/" + ref + "/versions/" + version,
                        token("rita.researcher"));
        assertEquals(200, r.statusCode(), r::body);
        return Hub.json(r.body()).getString("status");
    }

    @Test
    void ritaPublishesAModelThroughThePagesAndCarlaSeesItInTheQueue() throws Exception {
        URI base = url.toURI();
        String name = Registry.unique("forschung");
        String ref = "w-hs/" + name;
        Path onnx = Files.write(temp.resolve("identity.onnx"), TestOnnx.identityModel());
        Path junk =
                Files.writeString(temp.resolve("junk.onnx"), "kein Modell", StandardCharsets.UTF_8);

        Browser browser = browsers.start();
        browser.open("").signIn("rita.researcher");
        browser.follow("#nav-research");
        assertEquals("Forschung: Ihre Modelle", browser.find("h1").getText());
        browser.checkPage("models");
        browser.follow("#new-model");
        browser.checkPage("new-model");

        // a form without the CSRF field is refused and creates nothing
        browser.find("#f-name").sendKeys(name);
        browser.script("document.querySelectorAll('input[name=csrf]').forEach(i => i.remove());");
        browser.follow("#create-model");
        assertEquals("Nicht erlaubt", browser.find("h1").getText());
        assertEquals(
                404, Hub.get(base, "api/v1/models/" + ref, token("rita.researcher")).statusCode());

        // errors beside the fields
        browser.open("forschung/neu");
        browser.find("#f-name").sendKeys("Nicht Gültig");
        browser.follow("#create-model");
        assertEquals("true", browser.find("#f-name").getAttribute("aria-invalid"));
        assertTrue(browser.find("#e-name").getText().startsWith("Nur Kleinbuchstaben"));
        assertTrue(browser.find("#e-displayNameDe").isDisplayed());
        assertTrue(browser.find("#e-task").isDisplayed());
        assertTrue(browser.find("#form-errors").getText().contains("Kurzname"));
        browser.checkPage("new-model-errors");

        browser.find("#f-name").clear();
        browser.find("#f-name").sendKeys(name);
        browser.find("#f-displayNameDe").sendKeys("Besucherzähler Forschung");
        browser.find("#f-displayNameEn").sendKeys("Visitor counter research");
        browser.find("#f-descriptionDe").sendKeys("Zählt Besucher am Eingang.");
        new org.openqa.selenium.support.ui.Select(browser.find("#f-task"))
                .selectByValue("object-detection");
        new org.openqa.selenium.support.ui.Select(browser.find("#f-domain"))
                .selectByValue("Umwelt");
        browser.find("#f-tags").sendKeys("besucher, eingang");
        browser.find("#f-visibility-public").click();
        browser.follow("#create-model");
        assertTrue(browser.url().contains("/forschung/" + name + "?done=created"), browser.url());
        assertEquals("Besucherzähler Forschung", browser.find("h1").getText());
        browser.checkPage("model-created");

        // a version, then an upload the inspection rejects (with JavaScript: shown in the form)
        browser.find("#f-version").sendKeys("1.0.0");
        browser.follow("#create-version");
        assertTrue(browser.find("#done").getText().contains("1.0.0"));
        version(browser, "1.0.0")
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(junk.toString());
        version(browser, "1.0.0").findElement(By.cssSelector(".upload-form button")).click();
        WebElement error = browser.waitFor("[id='v-1.0.0'] .upload-error");
        assertTrue(
                error.getText().startsWith("Das Hochladen ist fehlgeschlagen."), error.getText());
        browser.checkPage("upload-rejected");

        // the real ONNX model with the progress bar; the page then shows the inspection
        WebElement input =
                version(browser, "1.0.0").findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(onnx.toString());
        version(browser, "1.0.0").findElement(By.cssSelector(".upload-form button")).click();
        waitForUrl(browser, "done=uploaded");
        assertTrue(browser.url().contains("done=uploaded"), browser.url());
        assertEquals(
                "Das Artefakt von Version 1.0.0 ist geprüft und gespeichert.",
                browser.find("#done").getText());
        String inspection = version(browser, "1.0.0").getText();
        assertTrue(inspection.contains("ONNX"), inspection);
        assertTrue(inspection.contains("OnnxRuntime"), inspection);
        assertTrue(
                version(browser, "1.0.0")
                                .findElements(By.cssSelector("table.tensors tbody tr"))
                                .size()
                        >= 2);
        browser.checkPage("inspected");
        // the refused pages and the refused upload above were 4xx answers on purpose; nothing else
        java.util.List<String> errors =
                browser.consoleErrors().stream()
                        .filter(e -> !e.contains("the server responded with a status of 4"))
                        .toList();
        assertTrue(errors.isEmpty(), errors::toString);

        // without JavaScript the form posts to the servlet, which streams into the same intake
        browser.find("#f-version").sendKeys("1.0.1");
        browser.follow("#create-version");
        browser.script(
                "document.querySelectorAll('form.upload-form').forEach(f =>"
                        + " f.removeAttribute('data-upload-url'));");
        version(browser, "1.0.1")
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(junk.toString());
        browser.follow(
                version(browser, "1.0.1").findElement(By.cssSelector(".upload-form button")));
        assertTrue(
                version(browser, "1.0.1")
                        .findElement(By.cssSelector(".upload-failed"))
                        .getText()
                        .contains("abgelehnt"));
        browser.checkPage("upload-rejected-no-js");
        browser.script(
                "document.querySelectorAll('form.upload-form').forEach(f =>"
                        + " f.removeAttribute('data-upload-url'));");
        version(browser, "1.0.1")
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(onnx.toString());
        version(browser, "1.0.1").findElement(By.cssSelector(".upload-form button")).click();
        waitForUrl(browser, "done=uploaded&version=1.0.1");
        assertTrue(browser.url().contains("done=uploaded&version=1.0.1"), browser.url());
        assertTrue(version(browser, "1.0.1").getText().contains("ONNX"));

        // the card: preview through the sanitiser, then save
        browser.follow(version(browser, "1.0.0").findElement(By.cssSelector("a.edit-card")));
        browser.checkPage("card-editor");
        browser.find("#card-model-details-de")
                .sendKeys("Zählt **Besucher** am Eingang. <script>window.hacked=1</script>");
        browser.find("#card-model-details-en").sendKeys("Counts visitors at the entrance.");
        browser.follow("#card-preview");
        assertEquals("Besucher", browser.find("#preview strong").getText());
        assertTrue(browser.findAll("#preview script").isEmpty());
        assertEquals(null, browser.script("return window.hacked;"));
        assertTrue(
                browser.find("#card-model-details-de").getAttribute("value").contains("<script>"));
        browser.checkPage("card-preview");
        browser.follow("#card-save");
        assertEquals(
                "Die Modellkarte von Version 1.0.0 ist gespeichert.",
                browser.find("#done").getText());
        HttpResponse<String> card =
                Hub.get(
                        base,
                        "api/v1/models/" + ref + "/versions/1.0.0/card",
                        token("rita.researcher"));
        assertTrue(
                Hub.json(card.body())
                        .getJsonObject("sections")
                        .getJsonObject("MODEL_DETAILS")
                        .getString("de")
                        .startsWith("Zählt **Besucher**"),
                card.body());

        // submit
        browser.follow(
                version(browser, "1.0.0").findElement(By.cssSelector(".submit-form button")));
        assertEquals("Version 1.0.0 ist zur Prüfung eingereicht.", browser.find("#done").getText());
        assertEquals("IN_REVIEW", status(base, ref, "1.0.0"));
        browser.checkPage("submitted");

        try (Browser carla = browsers.startAnother()) {
            carla.open("").signIn("carla.curator");
            carla.open("pruefung");
            assertTrue(
                    carla.findAll(".review-entry h2").stream()
                            .anyMatch(h -> h.getText().startsWith(ref + " 1.0.0")),
                    "submitted version in carla's queue");
            carla.checkPage("queue-with-submission");
        }
    }

    @Test
    void othersGet403AndAnotherTenantsModelIsNotReachable() throws Exception {
        URI base = url.toURI();
        HttpResponse<String> anonymous = Hub.get(base, "forschung", null);
        assertEquals(302, anonymous.statusCode());

        Browser browser = browsers.start();
        browser.open("").signIn("mia.member");
        assertTrue(browser.findAll("#nav-research").isEmpty(), "no Forschung link for members");
        browser.open("forschung");
        assertEquals("Nicht erlaubt", browser.find("h1").getText());
        browser.checkPage("member-forbidden");

        try (Browser rita = browsers.startAnother()) {
            rita.open("").signIn("rita.researcher");
            // kihub's people-counter is addressed within rita's tenant: no such model there
            rita.open("forschung/people-counter");
            assertEquals("Nicht gefunden", rita.find("h1").getText());
            rita.open("forschung/people-counter/1.0.0/karte");
            assertEquals("Nicht gefunden", rita.find("h1").getText());
            rita.checkPage("other-tenant-404");
        }
    }
}
