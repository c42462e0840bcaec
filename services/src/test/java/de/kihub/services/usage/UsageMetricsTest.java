package de.kihub.services.usage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.tenant.TenantId;
import de.kihub.services.metrics.PrometheusText;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageMetricsTest {
    static final UUID DEPLOYMENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final long MS = 1_000_000;

    static String metricsOf(IntervalCounts counts) {
        PrometheusText out = new PrometheusText();
        UsageMetrics.write(
                out,
                List.of(new UsageIntervals.Running(DEPLOYMENT, TenantId.of("bochum"), counts)));
        return out.text();
    }

    static void assertLine(String text, String line) {
        assertTrue(text.contains(line + "\n"), "missing '" + line + "' in\n" + text);
    }

    @Test
    void countsRequestsPerTenantDeploymentAndOutcome() {
        IntervalCounts c = new IntervalCounts(Instant.EPOCH, 0);
        c.add(Outcome.OK, 5 * MS);
        c.add(Outcome.OK, 5 * MS);
        c.add(Outcome.ERROR, 5 * MS);
        c.add(Outcome.REJECTED, 0);
        String text = metricsOf(c);
        String labels = "tenant=\"bochum\",deployment=\"" + DEPLOYMENT + "\"";
        assertLine(text, "kihub_deployment_requests_total{" + labels + ",outcome=\"ok\"} 2");
        assertLine(text, "kihub_deployment_requests_total{" + labels + ",outcome=\"error\"} 1");
        assertLine(text, "kihub_deployment_requests_total{" + labels + ",outcome=\"rejected\"} 1");
    }

    @Test
    void latencyBucketsAreCumulativeAndCountOnlyTimedRequests() {
        IntervalCounts c = new IntervalCounts(Instant.EPOCH, 0);
        c.add(Outcome.OK, MS); // exactly 1 ms: in the first bucket
        c.add(Outcome.OK, 3 * MS);
        c.add(Outcome.ERROR, 90_000 * MS); // beyond the highest bound
        c.add(Outcome.REJECTED, 0);
        String text = metricsOf(c);
        String prefix =
                "kihub_deployment_request_duration_seconds_bucket{tenant=\"bochum\",deployment=\""
                        + DEPLOYMENT
                        + "\",le=";
        assertLine(text, prefix + "\"0.001\"} 1");
        assertLine(text, prefix + "\"0.002154435\"} 1");
        assertLine(text, prefix + "\"0.004641589\"} 2");
        assertLine(text, prefix + "\"+Inf\"} 3");
        assertTrue(text.contains("kihub_deployment_request_duration_seconds_count{"), text);
        assertTrue(text.contains("} 90.004\n"), "sum of the timed requests in seconds: " + text);
    }
}
