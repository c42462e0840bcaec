package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.portal.security.Caller;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentStatus;
import de.kihub.services.usage.UsageInterval;
import de.kihub.services.usage.UsageReport;
import de.kihub.services.usage.UsageTotals;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The usage page and its CSV files made from one view, without a server. */
class UsagePageTest {
    static final UUID ID = UUID.fromString("0b5e6a1c-1111-2222-3333-444455556666");
    static final Instant T = Instant.parse("2026-05-01T18:00:00Z");
    static final Caller GINA =
            Caller.person(
                    "gina.admin",
                    TenantId.of("gelsenkirchen"),
                    List.of(TenantId.of("gelsenkirchen")),
                    Set.of("tenant-admin"));

    static Deployment deployment(String name, String task, String configuration) {
        JsonObject config = Json.createReader(new StringReader(configuration)).readObject();
        return new Deployment(
                ID,
                "gelsenkirchen",
                name,
                "kihub/people-counter",
                "1.0.0",
                null,
                task,
                DeploymentStatus.ACTIVE,
                config,
                null,
                1,
                null,
                null,
                "gina.admin",
                T,
                T,
                T,
                null);
    }

    static final String CONFIG =
            "{\"aggregationSeconds\":60,\"lines\":[{\"name\":\"<script>Tor</script>\","
                    + "\"from\":[400,0],\"to\":[400,576]},{\"name\":\"=Nord\",\"from\":[0,300],"
                    + "\"to\":[768,300]}],\"zones\":[{\"name\":\"Platz\",\"polygon\":[[0,0],[1,0],[1,1]]}]}";

    static UsageView view(Locale locale) {
        Period period = Period.parse("2026-05-01", "2026-05-01", "PT1H", T);
        UsageReport usage =
                new UsageReport(
                        ID,
                        period.from(),
                        period.to(),
                        new UsageTotals(5, 1, 0, 20, 40, 40, 41),
                        List.of(new UsageInterval(T, 3600, 5, 1, 0, 20, 40, 40, 41)));
        CountingApi.Counts counts =
                new CountingApi.Counts(
                        ID,
                        period.from(),
                        period.to(),
                        "PT1H",
                        List.of(
                                new CountingApi.Interval(
                                        T,
                                        3600,
                                        120,
                                        5.775,
                                        8,
                                        List.of(
                                                new CountingApi.LineTotal(
                                                        "<script>Tor</script>", 3, 2)),
                                        List.of(new CountingApi.ZoneState("Platz", 7))),
                                new CountingApi.Interval(
                                        T.plus(Duration.ofHours(1)),
                                        3600,
                                        10,
                                        2.0,
                                        2,
                                        List.of(new CountingApi.LineTotal("=Nord", 0, 1)),
                                        List.of())),
                        List.of(
                                new CountingApi.LineTotal("<script>Tor</script>", 3, 2),
                                new CountingApi.LineTotal("=Nord", 0, 1)));
        return new UsageView(
                deployment("Zähler \"Markt\"", "people-counting", CONFIG),
                period,
                usage,
                counts,
                locale);
    }

    @Test
    void countsCsvHasAColumnPerLineDirectionAndZoneAndGuardsNames() {
        StringWriter out = new StringWriter();
        view(Locale.GERMAN).writeCounts(new CsvWriter(out));
        assertEquals(
                "start,end,frames,mean_count,max_count,<script>Tor</script> in,"
                        + "<script>Tor</script> out,'=Nord in,'=Nord out,Platz peak\r\n"
                        + "2026-05-01T18:00:00Z,2026-05-01T19:00:00Z,120,5.775,8,3,2,0,0,7\r\n"
                        + "2026-05-01T19:00:00Z,2026-05-01T20:00:00Z,10,2,2,0,0,0,1,0\r\n",
                out.toString());
    }

    @Test
    void usageCsvHasOneRowPerInterval() {
        StringWriter out = new StringWriter();
        view(Locale.GERMAN).writeUsage(new CsvWriter(out));
        assertEquals(
                "start,end,requests,errors,rejected,latency_p50_ms,latency_p95_ms,"
                        + "latency_p99_ms,latency_max_ms\r\n"
                        + "2026-05-01T18:00:00Z,2026-05-01T19:00:00Z,5,1,0,20,40,40,41\r\n",
                out.toString());
    }

    @Test
    void theFileNameIsAsciiWithThePeriod() {
        assertEquals(
                "zaehlungen-Zahler-Markt-2026-05-01-2026-05-01.csv",
                view(Locale.GERMAN).fileName("zaehlungen"));
        assertEquals(
                "/kommune/auswertung/"
                        + ID
                        + "/zaehlungen.csv?from=2026-04-30T22%3A00%3A00Z"
                        + "&to=2026-05-01T22%3A00%3A00Z&interval=PT1H",
                view(Locale.GERMAN).link("/kommune/auswertung", ID, "zaehlungen.csv"));
    }

    static PageModel page(Locale locale, UsageView view) {
        PageModel page =
                PageTemplatesTest.page(locale, GINA, "/kommune/auswertung/" + ID, null)
                        .put("deployment", view.deployment())
                        .put("counting", view.hasCounts())
                        .put("chartJs", UsagePagesServlet.CHART_JS)
                        .put("intervalChoices", List.of("PT1M", "PT15M", "PT1H", "PT24H"))
                        .put("formFrom", "2026-05-01")
                        .put("formTo", "2026-05-01")
                        .put("formInterval", "PT1H");
        return page.put("view", view)
                .put("period", view.period())
                .put("countsCsv", "/c.csv")
                .put("usageCsv", "/u.csv");
    }

    @Test
    void thePageShowsTablesWithTheValuesTheChartsReadAndEscapesNames() {
        String html = PageTemplatesTest.render("usage", page(Locale.GERMAN, view(Locale.GERMAN)));
        assertTrue(html.contains("<h1>Auswertung: Zähler &quot;Markt&quot;</h1>"), html);
        assertFalse(html.contains("<script>Tor"), "line names are text");
        assertTrue(html.contains("&lt;script&gt;Tor&lt;/script&gt;: hinein"), html);
        assertTrue(
                html.contains("<time datetime=\"2026-05-01T18:00:00Z\">01.05.2026 20:00</time>"));
        assertTrue(html.contains("data-value=\"5.775\""), html);
        assertTrue(html.contains("<option value=\"PT1H\" selected=\"selected\">Stunde</option>"));
        assertTrue(html.contains("<option value=\"PT24H\">Tag</option>"));
        assertTrue(html.contains("src=\"/webjars/chart.js/4.4.1/dist/chart.umd.js\""));
        assertTrue(html.contains("src=\"/static/usage-charts.js\""));
        assertFalse(html.contains("<script>\n"), "no inline script");
        assertFalse(html.contains("style=\""), "no style attribute (CSP)");
        assertTrue(html.contains("id=\"zones-table\""));
    }

    @Test
    void thePageInEnglish() {
        String html = PageTemplatesTest.render("usage", page(Locale.ENGLISH, view(Locale.ENGLISH)));
        assertTrue(
                html.contains("<time datetime=\"2026-05-01T18:00:00Z\">2026-05-01 20:00</time>"));
        assertTrue(html.contains("Line crossings"), html);
        assertTrue(html.contains("=Nord: out"), html);
    }

    @Test
    void aBadPeriodNamesTheParametersAndShowsNoData() {
        PageModel page =
                PageTemplatesTest.page(Locale.GERMAN, GINA, "/kommune/auswertung/" + ID, null)
                        .put("deployment", deployment("Zähler", "people-counting", CONFIG))
                        .put("counting", true)
                        .put("chartJs", UsagePagesServlet.CHART_JS)
                        .put("intervalChoices", List.of("PT1H"))
                        .put("formFrom", "gestern")
                        .put("formTo", "")
                        .put("formInterval", "PT1H")
                        .put(
                                "invalid",
                                List.of(
                                        new Period.InvalidPeriodException.Problem(
                                                "usage.invalid.from", "<b>gestern</b>")))
                        .put("invalidReason", null);
        String html = PageTemplatesTest.render("usage", page);
        assertTrue(html.contains("id=\"invalid-period\""), html);
        assertTrue(html.contains("„&lt;b&gt;gestern&lt;/b&gt;“ ist kein Datum"), html);
        assertFalse(html.contains("usage-table"));
        assertFalse(html.contains("chart.umd.js"), "no charts without data");
    }

    @Test
    void theChartLibraryIsInTheWebJarWhereThePageLoadsIt() {
        assertTrue(
                UsagePageTest.class
                                .getClassLoader()
                                .getResource("META-INF/resources" + UsagePagesServlet.CHART_JS)
                        != null,
                "the WebJar on the classpath holds " + UsagePagesServlet.CHART_JS);
    }

    @Test
    void theAggregationIntervalComesFromTheConfiguration() {
        assertEquals(Duration.ofMinutes(1), UsageView.aggregation(deployment("a", "x", "{}")));
        assertEquals(
                Duration.ofMinutes(5),
                UsageView.aggregation(deployment("a", "x", "{\"aggregationSeconds\":300}")));
    }
}
