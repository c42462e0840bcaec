package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The curators' review page {@code /pruefung} in a real browser: a version rita submitted shows up
 * in carla's queue, rejecting needs a comment, approving publishes it (the anonymous catalog then
 * shows it), a form without the CSRF field is refused with 403 and changes nothing, and a member
 * without the curator role gets 403. axe-core and a screenshot on each page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublishPagesIT {

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(PublishPagesIT.class);

    @ArquillianResource URL url;

    /** A PUBLIC model of rita's with version 1.0.0 submitted for review. */
    String submitted(URI base) {
        Registry registry = new Registry(base);
        String rita = token("rita.researcher");
        String name = Registry.unique("pruefung");
        String ref = "w-hs/" + name;
        String body =
                Json.createObjectBuilder()
                        .add("name", name)
                        .add(
                                "displayName",
                                Json.createObjectBuilder().add("de", name).add("en", name))
                        .add("task", "object-detection")
                        .add("domain", "Umwelt")
                        .add("license", "MIT")
                        .add("visibility", "PUBLIC")
                        .build()
                        .toString();
        HttpResponse<String> created = registry.json(rita, "POST", "api/v1/models", body);
        assertEquals(201, created.statusCode(), created::body);
        assertEquals(201, registry.createVersion(rita, ref, "1.0.0").statusCode());
        HttpResponse<String> up = registry.upload(rita, ref, "1.0.0", TestOnnx.identityModel());
        assertEquals(200, up.statusCode(), up::body);
        assertEquals(200, registry.action(rita, ref, "1.0.0", "submit", null).statusCode());
        return ref;
    }

    static String status(URI base, String ref) {
        HttpResponse<String> r =
                Hub.get(base, "api/v1/models/" + ref + "/versions/1.0.0", token("carla.curator"));
        assertEquals(200, r.statusCode(), r::body);
        return Hub.json(r.body()).getString("status");
    }

    WebElement entry(Browser browser, String ref) {
        return browser.findAll(".review-entry").stream()
                .filter(e -> e.findElement(By.cssSelector("h2")).getText().startsWith(ref + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ref + " not in the queue"));
    }

    @Test
    void curatorRejectsWithACommentAndApproves() throws Exception {
        URI base = url.toURI();
        String ref = submitted(base);
        Browser browser = browsers.start();
        browser.open("").signIn("carla.curator");
        browser.open("pruefung").checkPage("queue");
        assertEquals("Prüfung", browser.find("h1").getText());
        // one registry query over all models, the longest waiting first
        List<java.time.Instant> submitted =
                browser.findAll(".review-entry time").stream()
                        .map(t -> java.time.Instant.parse(t.getAttribute("datetime")))
                        .toList();
        assertEquals(submitted.stream().sorted().toList(), submitted, "longest waiting first");

        // a form without the CSRF field is refused and changes nothing
        browser.script("document.querySelectorAll('input[name=csrf]').forEach(i => i.remove());");
        browser.follow(entry(browser, ref).findElement(By.cssSelector(".review-approve button")));
        assertEquals("Nicht erlaubt", browser.find("h1").getText());
        browser.checkPage("forbidden-without-csrf");
        assertEquals("IN_REVIEW", status(base, ref));

        // rejecting without a comment (browser validation switched off) names the field
        browser.open("pruefung");
        WebElement reject = entry(browser, ref).findElement(By.cssSelector(".review-reject"));
        browser.script("arguments[0].noValidate = true;", reject);
        browser.follow(reject.findElement(By.cssSelector("button")));
        WebElement comment = entry(browser, ref).findElement(By.cssSelector("textarea"));
        assertEquals("true", comment.getAttribute("aria-invalid"));
        String described = comment.getAttribute("aria-describedby");
        assertEquals("Bitte begründen Sie die Ablehnung.", browser.find("#" + described).getText());
        browser.checkPage("reject-without-comment");
        assertEquals("IN_REVIEW", status(base, ref));

        browser.follow(entry(browser, ref).findElement(By.cssSelector(".review-approve button")));
        assertTrue(browser.url().endsWith("pruefung?done=approved"), browser.url());
        assertEquals(
                "Die Version ist freigegeben und veröffentlicht.",
                browser.find("[role=status]").getText());
        assertTrue(
                browser.findAll(".review-entry h2").stream()
                        .noneMatch(h -> h.getText().startsWith(ref + " ")),
                "approved version left the queue");
        browser.checkPage("approved");
        assertEquals("PUBLISHED", status(base, ref));

        try (Browser anonymous = browsers.startAnother()) {
            anonymous.open("katalog/" + ref).checkPage("model-approved");
            assertTrue(
                    anonymous.find("table.versions").getText().contains("1.0.0 veröffentlicht"),
                    anonymous.find("table.versions").getText());
        }
    }

    @Test
    void aMemberWithoutCuratorRoleGets403AndAnonymousIsSentToSignIn() throws Exception {
        URI base = url.toURI();
        HttpResponse<String> anonymous = Hub.get(base, "pruefung", null);
        assertEquals(302, anonymous.statusCode());
        assertTrue(
                anonymous.headers().firstValue("Location").orElse("").contains("sign-in"),
                anonymous.headers().toString());

        Browser browser = browsers.start();
        browser.open("").signIn("mia.member");
        browser.open("pruefung");
        assertEquals("Nicht erlaubt", browser.find("h1").getText());
        browser.checkPage("member-forbidden");
    }
}
