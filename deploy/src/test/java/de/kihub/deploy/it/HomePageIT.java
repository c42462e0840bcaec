package de.kihub.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** The home page in German and English, and a real browser-style sign-in and sign-out. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomePageIT {
    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    URI base;
    HttpClient browser;

    @BeforeEach
    void newBrowser() throws Exception {
        base = url.toURI();
        browser =
                HttpClient.newBuilder()
                        .cookieHandler(new LocalhostCookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    @Test
    void homePageIsGermanByDefaultWithASwitchToEnglish() throws Exception {
        HttpResponse<String> de = open("");
        assertEquals(200, de.statusCode());
        assertTrue(de.body().contains("<html lang=\"de\">"), de.body());
        assertTrue(de.body().contains("Anmelden"), de.body());
        assertTrue(de.body().contains("href=\"/?lang=en\""), de.body());

        HttpResponse<String> en = open("?lang=en");
        assertTrue(en.body().contains("<html lang=\"en\">"), en.body());
        assertTrue(en.body().contains("Sign in"), en.body());
        // the choice sticks
        assertTrue(open("").body().contains("<html lang=\"en\">"));
    }

    @Test
    void signInThroughKeycloakShowsUserAndTenantThenSignOutEndsTheSession() throws Exception {
        HttpResponse<String> home = signIn("gina.admin");
        assertEquals(base.getPort(), home.uri().getPort(), "back on the hub: " + home.uri());
        assertTrue(home.body().contains("id=\"user\">gina.admin<"), home.body());
        assertTrue(home.body().contains("id=\"tenant\">gelsenkirchen<"), home.body());
        assertTrue(home.body().contains("deployer, tenant-admin"), home.body());

        // the browser session also authenticates API calls
        HttpResponse<String> me = open("api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"gina.admin\""));

        HttpResponse<String> out =
                browser.send(
                        HttpRequest.newBuilder(base.resolve("logout"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, out.statusCode(), out.body());
        assertEquals(base.getPort(), out.uri().getPort(), "returned to the hub: " + out.uri());
        assertFalse(out.body().contains("id=\"user\""), out.body());
        assertEquals(401, open("api/v1/me").statusCode());

        // Keycloak's single sign-on session is over too: signing in asks for credentials again
        HttpResponse<String> again = open("login");
        assertTrue(LOGIN_FORM.matcher(again.body()).find(), again.uri().toString());
    }

    @Test
    void wrongPasswordStaysOnKeycloak() throws Exception {
        HttpResponse<String> page = open("login");
        page = submit(page, "username=" + Hub.enc("mia.member"));
        page = submit(page, "username=mia.member&password=wrong");
        assertEquals(Integer.parseInt(Hub.KEYCLOAK.replaceAll(".*:", "")), page.uri().getPort());
        assertEquals(401, open("api/v1/me").statusCode());
    }

    private HttpResponse<String> signIn(String user) throws Exception {
        HttpResponse<String> page = open("login");
        // Keycloak with organizations asks for the user name first, then for the password
        for (int step = 0; step < 3 && LOGIN_FORM.matcher(page.body()).find(); step++) {
            page = submit(page, "username=" + Hub.enc(user) + "&password=" + Hub.enc(user));
        }
        return page;
    }

    private HttpResponse<String> submit(HttpResponse<String> page, String form) throws Exception {
        Matcher m = LOGIN_FORM.matcher(page.body());
        assertTrue(m.find(), "no login form at " + page.uri() + ": " + page.body());
        URI action = URI.create(m.group(1).replace("&amp;", "&"));
        return browser.send(
                HttpRequest.newBuilder(action)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Keeps cookies marked Secure on http://127.0.0.1 as browsers do (localhost is a secure context
     * for them); Keycloak marks its login-session cookies Secure.
     */
    static final class LocalhostCookieManager extends CookieManager {
        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> copy = new HashMap<>();
            headers.forEach(
                    (name, values) ->
                            copy.put(
                                    name,
                                    name != null && name.equalsIgnoreCase("Set-Cookie")
                                            ? values.stream()
                                                    .map(c -> c.replaceAll("(?i);\\s*Secure", ""))
                                                    .toList()
                                            : values));
            super.put(uri, copy);
        }
    }

    private HttpResponse<String> open(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
