package de.kihub.services.usage;

import de.kihub.services.metrics.PrometheusText;
import java.util.List;
import java.util.Map;

/** Writes the deployments' totals since start-up as Prometheus counters and histograms. */
final class UsageMetrics {
    static final String REQUESTS = "kihub_deployment_requests_total";
    static final String DURATION = "kihub_deployment_request_duration_seconds";

    /**
     * Every fourth histogram bound from 1 ms to 46 s (1, 2.15, 4.64, 10 ms, ...): fine enough for
     * dashboards and alerts, and few series per deployment. Exact percentiles come from the usage
     * report, which keeps all buckets.
     */
    private static final int[] BUCKETS = {
        12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68
    };

    private static final double[] BOUNDS_SECONDS = new double[BUCKETS.length];

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BOUNDS_SECONDS[i] = LatencyHistogram.upperBoundNanos(BUCKETS[i]) / 1e9;
        }
    }

    private UsageMetrics() {}

    static void write(PrometheusText out, List<UsageIntervals.Running> deployments) {
        for (UsageIntervals.Running r : deployments) {
            String tenant = r.tenant().value();
            String deployment = r.deployment().toString();
            IntervalCounts c = r.counts();
            String help =
                    "Requests to a deployment since the server started, by outcome (ok, error,"
                            + " rejected by admission control or rate limit).";
            long ok = c.requests - c.errors - c.rejected;
            out.counter(REQUESTS, help, labels(tenant, deployment, "ok"), ok);
            out.counter(REQUESTS, help, labels(tenant, deployment, "error"), c.errors);
            out.counter(REQUESTS, help, labels(tenant, deployment, "rejected"), c.rejected);
            out.histogram(
                    DURATION,
                    "Latency of the requests a deployment's model handled (ok and error; rejected"
                            + " requests are not timed).",
                    PrometheusText.labels("tenant", tenant, "deployment", deployment),
                    BOUNDS_SECONDS,
                    bucketCounts(c.latency),
                    c.latency.sumNanos() / 1e9);
        }
    }

    private static Map<String, String> labels(String tenant, String deployment, String outcome) {
        return PrometheusText.labels(
                "tenant", tenant, "deployment", deployment, "outcome", outcome);
    }

    private static long[] bucketCounts(LatencyHistogram latency) {
        long[] counts = new long[BUCKETS.length + 1];
        long below = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            long atOrBelow = latency.countAtOrBelow(BUCKETS[i]);
            counts[i] = atOrBelow - below;
            below = atOrBelow;
        }
        counts[BUCKETS.length] = latency.count() - below;
        return counts;
    }
}
