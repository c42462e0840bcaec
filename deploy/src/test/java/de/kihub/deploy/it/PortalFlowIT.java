package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The whole way of a model through the hub, in the browser only, as issue 9 names it: a researcher
 * (rita, w-hs) publishes a people counter, a curator (carla) approves it, a member of another
 * municipality (mia, bochum) finds it with a German search, a tenant admin (gina, gelsenkirchen)
 * deploys it with the wizard, the data-protection officer (dieter) signs the record off, gina
 * activates it and issues a machine key, and a camera counts a real image with that key. Each page
 * on the way is checked with axe-core (WCAG 2.1 A/AA) and leaves a screenshot under {@code
 * deploy/target/screenshots/PortalFlowIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalFlowIT {
    static final String GE = "gelsenkirchen";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(PortalFlowIT.class);

    @ArquillianResource URL url;

    @TempDir Path temp;

    /** The NanoDet-m weights the researcher uploads: the hub's own people counter's artifact. */
    static byte[] peopleCounterOnnx(URI base) throws Exception {
        HttpResponse<byte[]> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                base.resolve(
                                                        "api/v1/models/kihub/people-counter/versions/1.0.0/artifact"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "download of the people counter's artifact");
        return r.body();
    }

    static String status(URI base, String ref) {
        HttpResponse<String> r =
                Hub.get(base, "api/v1/models/" + ref + "/versions/1.0.0", token("rita.researcher"));
        assertEquals(200, r.statusCode(), r::body);
        return json(r.body()).getString("status");
    }

    @Test
    void aModelGoesFromTheResearcherToACountedImage() throws Exception {
        URI base = url.toURI();
        String name = Registry.unique("stadion");
        String ref = "w-hs/" + name;
        Path onnx = Files.write(temp.resolve("stadion-zaehler.onnx"), peopleCounterOnnx(base));

        // 1. rita publishes: model, version, upload with the progress bar, card, submit
        try (Browser rita = browsers.startAnother()) {
            rita.open("").signIn("rita.researcher");
            rita.follow("#nav-research");
            rita.follow("#new-model");
            rita.find("#f-name").sendKeys(name);
            rita.find("#f-displayNameDe").sendKeys("Besucherzählung am Stadionausgang");
            rita.find("#f-displayNameEn").sendKeys("Visitor counting at the stadium exit");
            rita.find("#f-descriptionDe")
                    .sendKeys(
                            "Zählt Besucherströme am Ausgang der Veltins-Arena nach Konzerten und"
                                    + " Spielen; gespeichert werden nur Zählwerte.");
            new Select(rita.find("#f-task")).selectByValue("people-counting");
            new Select(rita.find("#f-domain")).selectByValue("Sicherheit & Ordnung");
            rita.find("#f-tags").sendKeys("stadion, besucherströme");
            rita.find("#f-visibility-public").click();
            rita.follow("#create-model");
            assertEquals("Besucherzählung am Stadionausgang", rita.find("h1").getText());
            rita.checkPage("1-model-created");

            rita.find("#f-version").sendKeys("1.0.0");
            rita.follow("#create-version");
            WebElement version = rita.find("[id='v-1.0.0']");
            version.findElement(By.cssSelector("input[type=file]")).sendKeys(onnx.toString());
            rita.navigating(
                    () ->
                            rita.find("[id='v-1.0.0']")
                                    .findElement(By.cssSelector(".upload-form button"))
                                    .click());
            assertTrue(rita.url().contains("done=uploaded"), rita.url());
            assertTrue(rita.find("[id='v-1.0.0']").getText().contains("ONNX"));
            rita.checkPage("2-inspected");

            rita.follow(rita.find("[id='v-1.0.0']").findElement(By.cssSelector("a.edit-card")));
            rita.find("#card-model-details-de")
                    .sendKeys("NanoDet-m zählt Personen in Kamerabildern des Stadionausgangs.");
            rita.find("#card-model-details-en")
                    .sendKeys("NanoDet-m counts persons in camera frames of the stadium exit.");
            rita.follow("#card-save");
            rita.follow(
                    rita.find("[id='v-1.0.0']").findElement(By.cssSelector(".submit-form button")));
            assertEquals(
                    "Version 1.0.0 ist zur Prüfung eingereicht.", rita.find("#done").getText());
            rita.checkPage("3-submitted");
            rita.assertNoConsoleErrors();
        }
        assertEquals("IN_REVIEW", status(base, ref));

        // 2. carla approves it in the review queue
        try (Browser carla = browsers.startAnother()) {
            carla.open("").signIn("carla.curator");
            carla.open("pruefung");
            WebElement entry =
                    carla.findAll(".review-entry").stream()
                            .filter(
                                    e ->
                                            e.findElement(By.cssSelector("h2"))
                                                    .getText()
                                                    .startsWith(ref + " "))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(ref + " not in the queue"));
            carla.checkPage("4-review-queue");
            carla.follow(entry.findElement(By.cssSelector(".review-approve button")));
            assertTrue(carla.url().endsWith("pruefung?done=approved"), carla.url());
        }
        assertEquals("PUBLISHED", status(base, ref));

        // 3. mia (bochum) finds it with a German search and opens its page
        try (Browser mia = browsers.startAnother()) {
            mia.open("").signIn("mia.member");
            mia.open("katalog");
            mia.find("#q").sendKeys("Besucherzählung Veltins-Arena");
            mia.follow("form[role=search] button[type=submit]");
            WebElement first = mia.find(".card");
            assertEquals(ref, first.findElement(By.cssSelector(".model-id")).getText());
            mia.checkPage("5-search");
            mia.follow(first.findElement(By.cssSelector("h3 a")));
            assertEquals("Besucherzählung am Stadionausgang", mia.find("h1").getText());
            mia.checkPage("6-model-page");
            mia.assertNoConsoleErrors();
        }

        // 4. gina (gelsenkirchen) deploys it with the wizard; a counting line typed by hand
        Browser gina = browsers.start();
        gina.open("").signIn("gina.admin");
        gina.open("kommune/einsaetze");
        gina.follow("#new-deployment");
        new Select(gina.find("#model")).selectByValue(ref);
        gina.follow("#choose-model-submit");
        assertTrue(gina.find("#choose-version input[value='1.0.0']").isSelected());
        gina.follow("#choose-version-submit");
        String deployment = "stadion-ausgang-" + name.substring(name.length() - 6);
        gina.find("#name").sendKeys(deployment);
        gina.find("#lines").sendKeys("Ausgang West: 100,300 700,300");
        gina.checkPage("7-configuration");
        gina.follow("#configuration-submit");
        String path = URI.create(gina.url()).getPath();
        assertTrue(path.endsWith("/dokumentieren"), path);
        String id = path.split("/")[path.split("/").length - 2];
        gina.find("#r-purpose").sendKeys("Besucherströme nach Spielen am Stadionausgang lenken");
        gina.find("#r-legalBasis").sendKeys("Art. 6 Abs. 1 lit. e DSGVO");
        gina.find("#r-contact").sendKeys("datenschutz@gelsenkirchen.example");
        gina.follow("#record-submit");
        assertTrue(gina.url().contains("/fragebogen"), gina.url());
        for (WebElement no : gina.findAll("input[type=radio][value=no]")) {
            gina.script("arguments[0].scrollIntoView({block: 'center'});", no);
            no.click();
        }
        gina.follow("#questionnaire-submit");
        assertEquals("minimales Risiko", gina.find("#risk-class").getText());
        gina.checkPage("8-questionnaire-result");

        // 5. dieter (dpo) signs the record off
        try (Browser dieter = browsers.startAnother()) {
            dieter.open("").signIn("dieter.dpo");
            dieter.follow("#nav-signoffs");
            dieter.follow("#w-" + id + " a.review");
            assertTrue(dieter.find("#field-purpose").getText().contains("Stadionausgang"));
            dieter.find("#comment").sendKeys("Nur Zählwerte, keine Bilder gespeichert.");
            dieter.follow("#sign-off-submit");
            assertTrue(dieter.find("#sign-off-state").getText().contains("dieter.dpo"));
            dieter.checkPage("9-signed-off");
        }

        // 6. gina activates and issues a key for the camera
        gina.open("kommune/einsaetze/" + id);
        gina.follow(".actions .action-activate");
        assertEquals("Aktiv", gina.find("#status").getText());
        gina.checkPage("10-active");
        gina.follow("#link-credentials");
        gina.find("#credential-name").sendKeys("Kamera Ausgang West");
        gina.follow("#create-credential-submit");
        String key = gina.find("#issued-key").getDomProperty("value");
        assertTrue(key.startsWith("kihub_"), key);
        gina.assertNoConsoleErrors();

        // 7. the camera counts a real image: the same two players the people counter finds
        byte[] photo =
                Files.readAllBytes(
                        PeopleCounterIT.DATA.resolve("controls").resolve("basketball1.png"));
        HttpResponse<String> counted =
                new Deployer(base).image("ApiKey " + key, GE, id, "predict", photo);
        assertEquals(200, counted.statusCode(), counted.body());
        assertEquals(2, json(counted.body()).getInt("count"), counted.body());

        // the deployment is public on the transparency page, and the model reports its use
        try (Browser anonymous = browsers.startAnother()) {
            anonymous.open("transparenz");
            assertFalse(
                    anonymous.findAll("a[href$='/" + GE + "/" + deployment + "']").isEmpty(),
                    "the active deployment is listed on /transparenz");
            anonymous.checkPage("11-transparency");
        }
    }
}
