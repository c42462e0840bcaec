package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentCalls;
import de.kihub.services.deployment.Deployments;
import de.kihub.services.usage.UsageReport;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The usage and counts of one deployment, {@code /kommune/auswertung/{id}}: requests, errors and
 * latency per interval, and for counting deployments the stored counts, line crossings and zone
 * occupancy, for a period chosen with a GET form ({@code ?from=&to=&interval=}, see {@link
 * Period}); the same as CSV at {@code .../zaehlungen.csv} and {@code .../nutzung.csv}. It calls
 * {@link DeploymentCalls} with the caller acting for their tenant, as the API's {@code usage} and
 * {@code counts} do: every person of the tenant may read; another tenant's deployment answers the
 * 404 page (for the CSV too), a bad period the 400 page, anonymous callers are sent to sign in.
 */
@WebServlet(UsagePagesServlet.PATH + "/*")
public class UsagePagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/kommune/auswertung";
    static final String COUNTS_CSV = "zaehlungen.csv";
    static final String USAGE_CSV = "nutzung.csv";
    static final String PEOPLE_COUNTING = "people-counting";

    /** The chart library inside the Chart.js WebJar (served from the WAR's WEB-INF/lib). */
    static final String CHART_JS = "/webjars/chart.js/4.4.1/dist/chart.umd.js";

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient Deployments deployments;

    @Inject transient DeploymentCalls calls;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("deployments");
        if (!caller.authenticated()) {
            response.sendRedirect((String) page.values().get("loginUrl"));
            return;
        }
        // /{id} or /{id}/zaehlungen.csv or /{id}/nutzung.csv
        String info = request.getPathInfo();
        String[] parts = info == null ? new String[0] : info.substring(1).split("/", -1);
        UUID id = parts.length == 1 || parts.length == 2 ? uuid(parts[0]) : null;
        String file = parts.length == 2 ? parts[1] : "";
        Optional<TenantId> tenant = caller.optTenant();
        if (id == null
                || tenant.isEmpty()
                || !(file.isEmpty() || file.equals(COUNTS_CSV) || file.equals(USAGE_CSV))) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        TenantId t = tenant.get();
        Actor actor = caller.actorFor(t);
        Deployment deployment;
        try {
            deployments.requireUse(actor, t);
            deployment = deployments.get(actor, t, id);
        } catch (NotFoundException e) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        } catch (ForbiddenException e) {
            pages.renderError(page, 403, "error.forbidden", request, response);
            return;
        }
        boolean counting = PEOPLE_COUNTING.equals(deployment.task());
        if (file.equals(COUNTS_CSV) && !counting) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        page.put("deployment", deployment)
                .put("counting", counting)
                .put("chartJs", CHART_JS)
                .put("intervalChoices", Period.CHOICES.stream().map(Duration::toString).toList())
                .put("formFrom", param(request, "from"))
                .put("formTo", param(request, "to"))
                .put("formInterval", param(request, "interval"));
        Period period;
        try {
            period =
                    Period.parse(
                            request.getParameter("from"),
                            request.getParameter("to"),
                            request.getParameter("interval"),
                            Instant.now());
            Duration aggregation = UsageView.aggregation(deployment);
            if (counting && !period.intervalIsMultipleOf(aggregation)) {
                throw new Period.InvalidPeriodException(
                        List.of(
                                new Period.InvalidPeriodException.Problem(
                                        "usage.invalid.aggregation",
                                        String.valueOf(aggregation.toMinutes()))));
            }
        } catch (Period.InvalidPeriodException e) {
            invalid(page, e.problems(), null, request, response);
            return;
        }
        UsageReport usage;
        CountingApi.Counts counts = null;
        try {
            usage = calls.usage(t, id, period.from(), period.to(), period.interval());
            if (counting) {
                counts = calls.counts(t, id, period.from(), period.to(), period.interval());
            }
        } catch (InvalidRequestException | ConflictException e) {
            // what the services refuse beyond the page's own checks, with their reason
            invalid(page, List.of(), e.getMessage(), request, response);
            return;
        } catch (NotFoundException e) {
            pages.renderError(page, 404, "error.notFound", request, response);
            return;
        }
        UsageView view = new UsageView(deployment, period, usage, counts, page.locale());
        switch (file) {
            case COUNTS_CSV -> csv(response, view.fileName("zaehlungen"), view::writeCounts);
            case USAGE_CSV -> csv(response, view.fileName("nutzung"), view::writeUsage);
            default -> {
                page.put("period", period)
                        .put("view", view)
                        .put("formFrom", period.firstDay().toString())
                        .put("formTo", period.lastDay().toString())
                        .put("formInterval", period.intervalText())
                        .put(
                                "intervalChoices",
                                choices(
                                        period.intervalText(),
                                        page.values().get("intervalChoices")))
                        .put("countsCsv", view.link(PATH, id, COUNTS_CSV))
                        .put("usageCsv", view.link(PATH, id, USAGE_CSV));
                pages.render("usage", page, request, response);
            }
        }
    }

    /** The page with the period form and what is wrong, status 400, no data. */
    private void invalid(
            PageModel page,
            List<Period.InvalidPeriodException.Problem> problems,
            String reason,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        page.status(HttpServletResponse.SC_BAD_REQUEST)
                .put("invalid", problems)
                .put("invalidReason", reason);
        pages.render("usage", page, request, response);
    }

    private interface CsvBody {
        void write(CsvWriter csv);
    }

    private static void csv(HttpServletResponse response, String fileName, CsvBody body)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8;header=present");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        PrintWriter out = response.getWriter();
        body.write(new CsvWriter(out));
        out.flush();
    }

    /** The offered intervals, plus the current one if it is not among them. */
    private static List<String> choices(String current, Object offered) {
        List<String> all = new ArrayList<>();
        if (offered instanceof List<?> list) {
            list.forEach(o -> all.add(o.toString()));
        }
        if (!all.contains(current)) {
            all.add(current);
        }
        return all;
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
