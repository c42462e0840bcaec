package de.kihub.services.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.search.SearchTimings;
import org.junit.jupiter.api.Test;

/** The metric's form; that the server serves it is checked by CatalogFeaturesIT. */
class CatalogSearchMetricsTest {

    @Test
    void bucketsAreCumulative() {
        PrometheusText out = new PrometheusText();
        CatalogSearchMetrics.write(
                out,
                "t_seconds",
                "T.",
                new SearchTimings.Snapshot(new double[] {0.001, 0.01}, new long[] {2, 3, 1}, 0.5));
        assertTrue(
                out.text()
                        .contains(
                                "t_seconds_bucket{le=\"0.001\"} 2\n"
                                        + "t_seconds_bucket{le=\"0.01\"} 5\n"
                                        + "t_seconds_bucket{le=\"+Inf\"} 6\n"
                                        + "t_seconds_sum 0.5\n"
                                        + "t_seconds_count 6\n"),
                out.text());
    }
}
