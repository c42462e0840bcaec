package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The usage page {@code /kommune/auswertung/{id}} in a real browser: after PETS09 frames were
 * counted through a session of gelsenkirchen's counting deployment, gina.admin sees the same
 * counts, crossings per line and direction, zone peaks and usage as {@code GET .../counts} and
 * {@code GET .../usage} answer; Chart.js draws the charts without console errors; the CSV files
 * download with the session and hold the same numbers; a bad period answers the 400 page; bochum's
 * bernd gets 404 for page and file; anonymous callers are sent to sign in. axe and a screenshot on
 * every page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsagePagesIT {
    static final String TENANT = "gelsenkirchen";
    static final int FRAMES = 150;

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @RegisterExtension final Browsers browsers = new Browsers().folder(UsagePagesIT.class);

    @ArquillianResource URL url;

    @Test
    void anonymousCallersAreSentToSignIn() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path :
                List.of(
                        "kommune/auswertung/00000000-0000-0000-0000-000000000001",
                        "kommune/auswertung/00000000-0000-0000-0000-000000000001/zaehlungen.csv")) {
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(url.toURI().resolve(path)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(302, r.statusCode(), path);
            String location = r.headers().firstValue("Location").orElseThrow();
            assertTrue(location.contains("sign-in") && location.contains("auswertung"), location);
        }
    }

    @Test
    void countedFramesShowAsTablesChartsAndCsvForTheTenantOnly() throws Exception {
        URI base = url.toURI();
        Deployer deployer = new Deployer(base);
        String id =
                deployer.activeCounter(
                        Registry.unique("auswertung"),
                        "{\"lines\":[{\"name\":\"Tor\",\"from\":[400,0],\"to\":[400,576]},"
                                + "{\"name\":\"=Quer\",\"from\":[0,300],\"to\":[768,300]}],"
                                + "\"zones\":[{\"name\":\"Platz\",\"polygon\":"
                                + "[[0,0],[768,0],[768,576],[0,576]]}]}");
        String gina = token("gina.admin");
        String dep = Deployer.path(TENANT, id);

        // PETS09 frames through a counting session, captured two per second ten minutes ago
        HttpResponse<String> created = deployer.http().json(gina, "POST", dep + "/sessions", "{}");
        assertEquals(201, created.statusCode(), created.body());
        String session = dep + "/sessions/" + json(created.body()).getString("id");
        Path frames = Datasets.pets09Frames();
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        for (int i = 1; i <= FRAMES; i++) {
            HttpResponse<String> r =
                    Hub.send(
                            HttpRequest.newBuilder(
                                            base.resolve(
                                                    session
                                                            + "/frames?capturedAt="
                                                            + start.plusMillis(500L * i)))
                                    .header("Authorization", "Bearer " + gina)
                                    .header("Content-Type", "image/png")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofByteArray(
                                                    Files.readAllBytes(
                                                            frames.resolve(Datasets.frame(i)))))
                                    .build());
            assertEquals(200, r.statusCode(), r.body());
        }
        assertEquals(200, deployer.http().json(gina, "DELETE", session, "").statusCode());

        Instant from = start.minus(1, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        String period = "?from=" + from + "&to=" + to + "&interval=PT1M";
        HttpResponse<String> countsAnswer = get(base, dep + "/counts" + period, gina);
        assertEquals(200, countsAnswer.statusCode(), countsAnswer.body());
        JsonObject counts = json(countsAnswer.body());
        JsonArray buckets = counts.getJsonArray("buckets");
        assertTrue(buckets.size() >= 2, "75 s of frames fill two or three minutes: " + buckets);
        int crossings = 0;
        for (var l : counts.getJsonArray("lineTotals")) {
            crossings += l.asJsonObject().getInt("in") + l.asJsonObject().getInt("out");
        }
        assertTrue(crossings > 0, "people crossed the lines: " + counts.getJsonArray("lineTotals"));
        JsonObject usage = json(get(base, dep + "/usage?from=" + from + "&to=" + to, gina).body());
        assertEquals(FRAMES, usage.getJsonObject("totals").getInt("requests"), usage.toString());

        Browser browser = browsers.start();
        browser.open("").signIn("gina.admin");
        browser.open("kommune/auswertung/" + id + period + "&lang=de");
        assertEquals(
                "Auswertung: " + json(get(base, dep, gina).body()).getString("name"),
                browser.find("h1").getText());

        // the counts table holds the API's buckets
        List<WebElement> rows = browser.findAll("#counts-table tbody tr");
        assertEquals(buckets.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject b = buckets.getJsonObject(i);
            WebElement row = rows.get(i);
            assertEquals(
                    b.getString("start"),
                    row.findElement(org.openqa.selenium.By.cssSelector("time"))
                            .getAttribute("datetime"));
            assertEquals(b.getInt("frames"), intValue(row, ".frames"));
            assertEquals(
                    b.getJsonNumber("meanCount").doubleValue(),
                    Double.parseDouble(value(row, ".mean")),
                    1e-9);
            assertEquals(b.getInt("maxCount"), intValue(row, ".max"));
        }
        // crossings per line and direction, in the order in/out of Tor, then =Quer
        List<WebElement> crossingRows = browser.findAll("#crossings-table tbody tr");
        assertEquals(buckets.size(), crossingRows.size());
        for (int i = 0; i < crossingRows.size(); i++) {
            Map<String, int[]> api = lines(buckets.getJsonObject(i).getJsonArray("lines"));
            List<Integer> shown = new ArrayList<>();
            for (WebElement td :
                    crossingRows.get(i).findElements(org.openqa.selenium.By.cssSelector("td"))) {
                shown.add(Integer.parseInt(td.getAttribute("data-value")));
            }
            assertEquals(
                    List.of(
                            api.getOrDefault("Tor", new int[2])[0],
                            api.getOrDefault("Tor", new int[2])[1],
                            api.getOrDefault("=Quer", new int[2])[0],
                            api.getOrDefault("=Quer", new int[2])[1]),
                    shown);
        }
        Map<String, int[]> totals = lines(counts.getJsonArray("lineTotals"));
        List<WebElement> totalRows = browser.findAll("#line-totals tbody tr");
        assertEquals(
                "Tor",
                totalRows.get(0).findElement(org.openqa.selenium.By.tagName("th")).getText());
        assertEquals(String.valueOf(totals.get("Tor")[0]), text(totalRows.get(0), ".in"));
        assertEquals(String.valueOf(totals.get("Tor")[1]), text(totalRows.get(0), ".out"));
        assertEquals(String.valueOf(totals.get("=Quer")[0]), text(totalRows.get(1), ".in"));
        assertEquals(String.valueOf(totals.get("=Quer")[1]), text(totalRows.get(1), ".out"));
        // the zone covers the whole frame: its peak is at least the largest count of a frame
        List<WebElement> zoneRows = browser.findAll("#zones-table tbody tr");
        assertEquals(buckets.size(), zoneRows.size());
        // usage: the frames were metered
        assertEquals(String.valueOf(FRAMES), browser.find("#total-requests").getText());

        // Chart.js drew a chart above each table, and nothing went wrong in the console
        for (String table :
                List.of("usage-table", "counts-table", "crossings-table", "zones-table")) {
            assertEquals(
                    Boolean.TRUE,
                    browser.script(
                            "var c=document.getElementById(arguments[0]+'-chart');"
                                    + "var chart=c&&window.Chart.getChart(c);"
                                    + "return !!chart&&c.width>0&&c.height>0"
                                    + "&&chart.data.labels.length===document.querySelectorAll("
                                    + "'#'+arguments[0]+' tbody tr').length;",
                            table),
                    table + " has its chart");
        }
        browser.checkPage("usage-counting");
        browser.assertNoConsoleErrors();

        // the counts CSV, fetched with the browser's session, holds the same numbers
        List<?> csv = download(browser, browser.find("#counts-csv").getAttribute("href"));
        assertEquals(200L, csv.get(0));
        assertTrue(String.valueOf(csv.get(1)).startsWith("text/csv"), String.valueOf(csv.get(1)));
        assertTrue(
                String.valueOf(csv.get(2))
                        .matches("attachment; filename=\"zaehlungen-auswertung-[^\"]+\\.csv\""),
                String.valueOf(csv.get(2)));
        String[] records = ((String) csv.get(3)).split("\r\n");
        assertEquals(
                "start,end,frames,mean_count,max_count,Tor in,Tor out,'=Quer in,'=Quer out,Platz peak",
                records[0]);
        assertEquals(buckets.size() + 1, records.length);
        for (int i = 0; i < buckets.size(); i++) {
            JsonObject b = buckets.getJsonObject(i);
            String[] f = records[i + 1].split(",", -1);
            assertEquals(b.getString("start"), f[0]);
            assertEquals(b.getInt("frames"), Integer.parseInt(f[2]));
            assertEquals(
                    b.getJsonNumber("meanCount").doubleValue(), Double.parseDouble(f[3]), 1e-9);
            assertEquals(b.getInt("maxCount"), Integer.parseInt(f[4]));
            Map<String, int[]> api = lines(b.getJsonArray("lines"));
            assertEquals(api.getOrDefault("Tor", new int[2])[0], Integer.parseInt(f[5]));
            assertEquals(api.getOrDefault("Tor", new int[2])[1], Integer.parseInt(f[6]));
            assertEquals(api.getOrDefault("=Quer", new int[2])[0], Integer.parseInt(f[7]));
            assertEquals(api.getOrDefault("=Quer", new int[2])[1], Integer.parseInt(f[8]));
        }
        List<?> usageCsv = download(browser, browser.find("#usage-csv").getAttribute("href"));
        assertEquals(200L, usageCsv.get(0));
        long requests = 0;
        String[] usageRecords = ((String) usageCsv.get(3)).split("\r\n");
        assertTrue(usageRecords[0].startsWith("start,end,requests,errors,rejected,latency_p50_ms"));
        for (int i = 1; i < usageRecords.length; i++) {
            requests += Long.parseLong(usageRecords[i].split(",")[2]);
        }
        assertEquals(FRAMES, requests);

        // the period form: a GET with the chosen values, bookmarkable
        browser.follow("#show");
        assertTrue(browser.url().contains("interval=PT1M"), browser.url());
        assertTrue(browser.url().contains("from="), browser.url());

        // English
        browser.open("kommune/auswertung/" + id + period + "&lang=en");
        assertEquals("Line crossings", browser.find("#crossings-heading").getText());
        browser.checkPage("usage-counting-en");

        // a bad period: the 400 page names what is wrong, for the file too
        browser.open("kommune/auswertung/" + id + "?from=gestern&interval=PT30S&lang=de");
        assertEquals(2, browser.findAll("#invalid-period li").size());
        assertTrue(browser.findAll("#counts-table").isEmpty());
        browser.checkPage("invalid-period");
        assertEquals(
                400L,
                download(
                                browser,
                                base.resolve(
                                                "kommune/auswertung/"
                                                        + id
                                                        + "/zaehlungen.csv?to=morgen")
                                        .toString())
                        .get(0));

        // bochum's bernd: 404 for the page and the file
        Browser other = browsers.startAnother();
        try {
            other.open("").signIn("bernd.deployer");
            other.open("kommune/auswertung/" + id + "?lang=de");
            assertEquals("Nicht gefunden", other.find("h1").getText());
            other.checkPage("other-tenant-404");
            assertEquals(
                    404L,
                    download(
                                    other,
                                    base.resolve(
                                                    "kommune/auswertung/"
                                                            + id
                                                            + "/zaehlungen.csv"
                                                            + period)
                                            .toString())
                            .get(0));
            assertEquals(
                    404L,
                    download(
                                    other,
                                    base.resolve("kommune/auswertung/" + id + "/nutzung.csv")
                                            .toString())
                            .get(0));
        } finally {
            other.close();
        }
    }

    /** Status, content type, content disposition and text of a GET with the browser's session. */
    static List<?> download(Browser browser, String address) {
        return (List<?>)
                browser.script(
                        "var x=new XMLHttpRequest();x.open('GET',arguments[0],false);x.send();"
                                + "return [x.status,x.getResponseHeader('Content-Type'),"
                                + "x.getResponseHeader('Content-Disposition'),x.responseText];",
                        address);
    }

    static Map<String, int[]> lines(JsonArray lines) {
        Map<String, int[]> byName = new java.util.HashMap<>();
        for (var l : lines) {
            JsonObject o = l.asJsonObject();
            byName.put(o.getString("name"), new int[] {o.getInt("in"), o.getInt("out")});
        }
        return byName;
    }

    static String value(WebElement row, String css) {
        return row.findElement(org.openqa.selenium.By.cssSelector(css)).getAttribute("data-value");
    }

    static int intValue(WebElement row, String css) {
        return Integer.parseInt(value(row, css));
    }

    static String text(WebElement row, String css) {
        return row.findElement(org.openqa.selenium.By.cssSelector(css)).getText();
    }
}
