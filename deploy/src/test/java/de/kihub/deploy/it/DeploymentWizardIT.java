package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A municipality deploys the people counter entirely in the browser: gina.admin (gelsenkirchen)
 * walks the wizard - model and version, name and configuration with a counting line drawn with the
 * mouse on the sample frame, the record, the EU AI Act questionnaire -, dieter.dpo signs the record
 * off in his view, gina activates, issues a machine key (shown once), a camera counts a real image
 * with it, gina revokes it and the key gets 401. bochum's bernd gets the 404 page for every page of
 * gelsenkirchen's deployment, and forms without the CSRF field change nothing. axe-core's WCAG 2.1
 * AA rules and a screenshot on every page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentWizardIT {
    static final String GE = "gelsenkirchen";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(DeploymentWizardIT.class);

    @ArquillianResource URL url;

    JsonObject deployment(String id) {
        HttpResponse<String> r =
                Hub.get(Hub.TEST_SERVER, Deployer.path(GE, id), token("gina.admin"));
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    @Test
    void ginaDeploysDieterSignsOffAndACameraCountsWithAKeyShownOnce() throws Exception {
        URI base = url.toURI();
        Deployer deployer = new Deployer(base);
        String name = Registry.unique("wizard");
        Browser browser = browsers.start();
        browser.open("").signIn("gina.admin");

        // step 1: model and version
        browser.open("kommune/einsaetze");
        browser.follow("#new-deployment");
        browser.checkPage("wizard-1-model");
        new Select(browser.find("#model")).selectByValue(Deployer.COUNTER);
        browser.follow("#choose-model-submit");
        browser.checkPage("wizard-1-version");
        assertTrue(browser.find("#choose-version input[value='1.0.0']").isSelected());
        browser.follow("#choose-version-submit");

        // step 2: name and configuration, a line drawn with the mouse on the frame
        assertTrue(browser.url().contains("/kommune/einsaetze/neu/konfiguration"), browser.url());
        browser.waitFor("#drawing-tools");
        browser.checkPage("wizard-2-configuration");
        browser.find("#name").sendKeys(name);
        WebElement frame = browser.find("#frame");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", frame);
        Rectangle rect = frame.getRect();
        double scale = 768.0 / rect.getWidth();
        int[] from = {-rect.getWidth() / 4, -rect.getHeight() / 8};
        int[] to = {rect.getWidth() / 4, rect.getHeight() / 8};
        new Actions(browser.driver())
                .moveToElement(frame, from[0], from[1])
                .click()
                .moveToElement(frame, to[0], to[1])
                .click()
                .perform();
        String lines = browser.find("#lines").getDomProperty("value");
        assertTrue(lines.startsWith("Linie 1: "), lines);
        assertFalse(browser.findAll("#frame-shapes line").isEmpty(), "the line is drawn");
        browser.checkPage("wizard-2-line-drawn");
        // a zone typed by hand, and first a threshold that is no number: 400 with the field's error
        browser.find("#zones").sendKeys("Bank: 10,400 200,400 200,560 10,560");
        WebElement threshold = browser.find("#scoreThreshold");
        threshold.clear();
        threshold.sendKeys("zwei");
        browser.follow("#configuration-submit");
        assertTrue(browser.find("#err-scoreThreshold").getText().contains("zwei"));
        assertEquals(
                "hint-scoreThreshold err-scoreThreshold",
                browser.find("#scoreThreshold").getDomAttribute("aria-describedby"));
        assertEquals(lines, browser.find("#lines").getDomProperty("value"), "the line is kept");
        browser.checkPage("wizard-2-errors");
        threshold = browser.find("#scoreThreshold");
        threshold.clear();
        threshold.sendKeys("0.45");
        browser.follow("#configuration-submit");

        // the deployment exists now (PENDING_DOCUMENTATION) with the drawn line's coordinates
        String path = URI.create(browser.url()).getPath();
        assertTrue(path.endsWith("/dokumentieren"), path);
        String id = path.split("/")[path.split("/").length - 2];
        JsonObject created = deployment(id);
        assertEquals("PENDING_DOCUMENTATION", created.getString("status"));
        assertEquals(name, created.getString("name"));
        JsonObject line =
                created.getJsonObject("configuration").getJsonArray("lines").getJsonObject(0);
        assertEquals("Linie 1", line.getString("name"));
        assertPoint(line.getJsonArray("from"), rect, scale, from);
        assertPoint(line.getJsonArray("to"), rect, scale, to);
        assertEquals(
                "Bank",
                created.getJsonObject("configuration")
                        .getJsonArray("zones")
                        .getJsonObject(0)
                        .getString("name"));

        // step 3: the record, pre-filled where the card and the tenant answer
        browser.checkPage("wizard-3-record");
        assertFalse(browser.find("#r-organisation").getDomProperty("value").isBlank());
        browser.find("#r-purpose").sendKeys("Besucherströme auf dem Marktplatz lenken");
        browser.find("#r-legalBasis").sendKeys("Art. 6 Abs. 1 lit. e DSGVO");
        browser.find("#r-contact").sendKeys("datenschutz@gelsenkirchen.example");
        browser.find("#r-website").sendKeys("keine-adresse");
        browser.follow("#record-submit");
        assertTrue(browser.find("#err-website").getText().contains("website"));
        browser.checkPage("wizard-3-errors");
        browser.find("#r-website").clear();
        browser.follow("#record-submit");

        // step 4: the questionnaire; unanswered questions are named, then all "no"
        assertTrue(browser.url().contains("/fragebogen"), browser.url());
        browser.checkPage("wizard-4-questionnaire");
        browser.follow("#questionnaire-submit");
        assertFalse(browser.findAll(".question .field-error").isEmpty());
        browser.checkPage("wizard-4-errors");
        for (WebElement no : browser.findAll("input[type=radio][value=no]")) {
            browser.script("arguments[0].scrollIntoView({block: 'center'});", no);
            no.click();
        }
        browser.follow("#questionnaire-submit");
        assertEquals("minimales Risiko", browser.find("#risk-class").getText());
        browser.checkPage("wizard-4-result");
        browser.follow("#to-deployment");
        assertEquals("Dokumentation offen", browser.find("#status").getText());
        assertTrue(browser.find("#sign-off").getText().contains("noch nicht"));
        browser.checkPage("deployment-pending");

        // gina is no dpo: a forged sign-off form answers 403 and signs nothing
        browser.navigating(
                () ->
                        browser.script(
                                "var f=document.createElement('form');f.method='post';"
                                        + "f.action=location.pathname+'/freigabe';"
                                        + "var c=document.querySelector('input[name=csrf]').cloneNode();"
                                        + "f.appendChild(c);var t=document.createElement('input');"
                                        + "t.name='comment';t.value='selbst';f.appendChild(t);"
                                        + "document.body.appendChild(f);f.submit();"));
        assertEquals("Nicht erlaubt", browser.find("h1").getText());
        browser.checkPage("sign-off-not-dpo");

        // dieter (dpo) finds it in his queue, reads the record, needs a comment, signs off
        Browser dieter = browsers.startAnother();
        try {
            dieter.open("").signIn("dieter.dpo");
            dieter.follow("#nav-signoffs");
            dieter.checkPage("signoffs");
            assertEquals(
                    "nichts – bereit zur Freigabe",
                    dieter.find("#w-" + id + " .missing").getText());
            dieter.follow("#w-" + id + " a.review");
            dieter.checkPage("documentation");
            assertTrue(dieter.find("#field-purpose").getText().contains("Marktplatz"));
            assertEquals("minimales Risiko", dieter.find("#risk-class").getText());
            assertEquals(5, dieter.findAll("#exports a").size());
            dieter.follow("#sign-off-submit");
            assertFalse(dieter.find("#err-comment").getText().isBlank());
            dieter.checkPage("documentation-comment-required");
            assertEquals("PENDING_DOCUMENTATION", deployment(id).getString("status"));
            dieter.find("#comment").sendKeys("Nur Zählwerte, keine Bilder gespeichert.");
            dieter.follow("#sign-off-submit");
            assertTrue(dieter.find("#sign-off-state").getText().contains("dieter.dpo"));
            assertTrue(dieter.findAll("#sign-off-form").isEmpty());
            dieter.checkPage("documentation-signed");
            assertNoScriptErrors(dieter);
        } finally {
            dieter.close();
        }
        assertEquals("READY", deployment(id).getString("status"));

        // gina activates on the deployment page
        browser.open("kommune/einsaetze/" + id);
        browser.follow(".actions .action-activate");
        assertEquals("Der Einsatz ist aktiv.", browser.find("#done").getText());
        assertEquals("Aktiv", browser.find("#status").getText());
        assertFalse(browser.findAll("#link-transparency").isEmpty());
        assertFalse(browser.findAll("#link-usage").isEmpty());
        browser.checkPage("deployment-active");

        // a machine key, shown once
        browser.follow("#link-credentials");
        browser.checkPage("credentials");
        browser.find("#credential-name").sendKeys("Kamera Nord");
        browser.follow("#create-credential-submit");
        String key = browser.find("#issued-key").getDomProperty("value");
        assertTrue(key.startsWith("kihub_"), key);
        assertFalse(browser.url().contains(Deployer.secretOf(key)));
        browser.checkPage("credentials-issued");
        browser.openUrl(browser.url().replaceAll("[?#].*$", ""));
        assertTrue(browser.findAll("#issued").isEmpty(), "the key is shown only once");
        assertFalse(browser.find("body").getText().contains(Deployer.secretOf(key)));

        // a camera counts a real image with it
        byte[] photo =
                Files.readAllBytes(
                        PeopleCounterIT.DATA.resolve("controls").resolve("basketball1.png"));
        HttpResponse<String> counted = deployer.image("ApiKey " + key, GE, id, "predict", photo);
        assertEquals(200, counted.statusCode(), counted.body());
        assertEquals(2, json(counted.body()).getInt("count"), counted.body());

        // a create form without the CSRF field changes nothing
        int before = browser.findAll("#credentials tbody tr").size();
        browser.navigating(
                () ->
                        browser.script(
                                "var f=document.getElementById('create-credential');"
                                        + "f.querySelector('input[name=csrf]').remove();"
                                        + "f.querySelector('#credential-name').value='Fälschung';"
                                        + "f.submit();"));
        assertEquals("Nicht erlaubt", browser.find("h1").getText());
        browser.checkPage("csrf-refused");
        browser.open("kommune/einsaetze/" + id + "/zugaenge");
        assertEquals(before, browser.findAll("#credentials tbody tr").size());

        // revoke: the key stops working
        browser.follow("#credentials tbody tr .action-revoke");
        assertEquals("Der Schlüssel ist gesperrt.", browser.find("#done").getText());
        assertEquals("gesperrt", browser.find("#credentials tbody tr .state").getText());
        browser.checkPage("credentials-revoked");
        int status = 0;
        for (int i = 0; i < 50 && status != 401; i++) {
            status = deployer.image("ApiKey " + key, GE, id, "predict", photo).statusCode();
            if (status != 401) {
                Thread.sleep(200);
            }
        }
        assertEquals(401, status);

        // bochum's deployer gets the 404 page for every page of gelsenkirchen's deployment
        Browser bernd = browsers.startAnother();
        try {
            bernd.open("").signIn("bernd.deployer");
            for (String page :
                    List.of(
                            "",
                            "/konfiguration",
                            "/dokumentieren",
                            "/fragebogen",
                            "/dokumentation",
                            "/zugaenge")) {
                bernd.open("kommune/einsaetze/" + id + page);
                assertEquals("Nicht gefunden", bernd.find("h1").getText(), page);
            }
            bernd.checkPage("other-tenant-404");
        } finally {
            bernd.close();
        }

        // in English
        browser.open("kommune/einsaetze/" + id + "?lang=en");
        assertEquals("Active", browser.find("#status").getText());
        browser.checkPage("deployment-en");
        browser.open("kommune/einsaetze/" + id + "/konfiguration");
        browser.checkPage("configuration-en");
        browser.open("kommune/einsaetze/" + id + "?lang=de");
        assertNoScriptErrors(browser);
    }

    /**
     * No JavaScript error, failed load or CSP violation in the console - except the 400, 403 and
     * 404 answers this test provokes on purpose, which Chromium logs as failed loads.
     */
    static void assertNoScriptErrors(Browser browser) {
        List<String> errors =
                browser.consoleErrors().stream()
                        .filter(e -> !e.matches("(?s).*status of (400|403|404) .*"))
                        .toList();
        assertTrue(
                errors.isEmpty(),
                () -> "The browser console has errors:\n- " + String.join("\n- ", errors));
    }

    /** The stored point is where the mouse clicked, in the frame's pixels (within 2 pixels). */
    static void assertPoint(JsonArray stored, Rectangle rect, double scale, int[] offset) {
        double x = (rect.getWidth() / 2.0 + offset[0]) * scale;
        double y = (rect.getHeight() / 2.0 + offset[1]) * scale;
        assertEquals(x, stored.getJsonNumber(0).doubleValue(), 2.0 * scale + 1, stored.toString());
        assertEquals(y, stored.getJsonNumber(1).doubleValue(), 2.0 * scale + 1, stored.toString());
    }
}
