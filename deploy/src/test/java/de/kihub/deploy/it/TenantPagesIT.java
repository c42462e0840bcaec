package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The municipality's deployments page {@code /kommune/einsaetze} in a real browser: gina.admin
 * (gelsenkirchen) sees her documented and signed-off people counter and activates it with the
 * page's form, a form without its CSRF field is refused with 403 and changes nothing, bernd
 * (bochum) gets 404 when he aims his form at gelsenkirchen's deployment, anonymous callers are sent
 * to sign in. axe-core's WCAG 2.1 AA rules and a screenshot on every page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantPagesIT {
    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(TenantPagesIT.class);

    @ArquillianResource URL url;

    String status(String tenant, String id) {
        HttpResponse<String> r =
                Hub.get(Hub.TEST_SERVER, Deployer.path(tenant, id), token("gina.admin"));
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).getString("status");
    }

    @Test
    void anonymousCallersAreSentToSignIn() throws Exception {
        HttpResponse<String> r =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()
                        .send(
                                HttpRequest.newBuilder(url.toURI().resolve("kommune/einsaetze"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("sign-in"), location);
        assertTrue(location.contains("kommune"), location);
    }

    @Test
    void ginaActivatesHerSignedOffCounterAndForgedFormsChangeNothing() throws Exception {
        URI base = url.toURI();
        Deployer deployer = new Deployer(base);
        String gina = token("gina.admin");
        String name = "zaehler-seite-" + UUID.randomUUID().toString().substring(0, 8);
        String id = deployer.created(gina, "gelsenkirchen", name, Deployer.COUNTER, "1.0.0", null);
        assertEquals(200, deployer.record(gina, "gelsenkirchen", id).statusCode());
        assertEquals(200, deployer.questionnaire(gina, "gelsenkirchen", id).statusCode());
        assertEquals(200, deployer.signOff(token("dieter.dpo"), "gelsenkirchen", id).statusCode());
        assertEquals("READY", status("gelsenkirchen", id));

        Browser browser = browsers.start();
        browser.open("").signIn("gina.admin");
        browser.open("kommune/einsaetze").checkPage("deployments");
        String row = "#d-" + id;
        assertEquals(name, browser.find(row + " th").getText());
        assertEquals("Bereit", browser.find(row + " .status").getText());
        assertEquals("minimales Risiko", browser.find(row + " .risk").getText());

        // a form without its CSRF field: 403, nothing changes
        browser.navigating(
                () ->
                        browser.script(
                                "var f=document.querySelector(arguments[0]+' .action-activate').form;"
                                        + "f.querySelector('input[name=csrf]').remove();f.submit();",
                                row));
        assertEquals("Nicht erlaubt", browser.find("h1").getText());
        browser.checkPage("csrf-refused");
        assertEquals("READY", status("gelsenkirchen", id));

        // the real form activates
        browser.open("kommune/einsaetze");
        browser.follow(row + " .action-activate");
        assertEquals("Der Einsatz ist aktiv.", browser.find("#done").getText());
        assertEquals("Aktiv", browser.find(row + " .status").getText());
        browser.checkPage("deployments-activated");
        assertEquals("ACTIVE", status("gelsenkirchen", id));

        // English labels
        browser.open("kommune/einsaetze?lang=en");
        assertEquals("Active", browser.find(row + " .status").getText());
        browser.checkPage("deployments-en");

        // bernd (bochum) aims his own, valid form at gelsenkirchen's deployment: 404
        String bernd = token("bernd.deployer");
        String own =
                deployer.created(
                        bernd,
                        "bochum",
                        "bochum-zaehler-" + UUID.randomUUID().toString().substring(0, 8),
                        Deployer.COUNTER,
                        "1.0.0",
                        null);
        Browser other = browsers.startAnother();
        try {
            other.open("").signIn("bernd.deployer");
            other.open("kommune/einsaetze?lang=de").checkPage("deployments-bochum");
            assertTrue(other.findAll(row).isEmpty(), "bochum does not see gelsenkirchen's row");
            other.navigating(
                    () ->
                            other.script(
                                    "var f=document.querySelector(arguments[0]+' .action-retire').form;"
                                            + "f.action=f.action.replace(arguments[1],arguments[2]);"
                                            + "f.submit();",
                                    "#d-" + own,
                                    own,
                                    id));
            assertEquals("Nicht gefunden", other.find("h1").getText());
            other.checkPage("other-tenant-404");
        } finally {
            other.close();
        }
        assertEquals("ACTIVE", status("gelsenkirchen", id));

        // pause, then retire: a retired deployment offers no action
        browser.open("kommune/einsaetze?lang=de");
        browser.follow(row + " .action-pause");
        assertEquals("PAUSED", status("gelsenkirchen", id));
        browser.follow(row + " .action-retire");
        assertEquals("RETIRED", status("gelsenkirchen", id));
        assertTrue(browser.findAll(row + " form").isEmpty(), "a retired deployment has no actions");
        browser.checkPage("deployments-retired");
    }
}
