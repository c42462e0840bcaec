package de.kihub.services.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void writesHelpAndTypeOncePerMetricWithItsSamplesTogether() {
        PrometheusText out = new PrometheusText();
        out.counter("kihub_requests", "Requests.", PrometheusText.labels("tenant", "bochum"), 3);
        out.gauge("kihub_up", "Whether it runs.", Map.of(), 1);
        out.counter("kihub_requests", "Requests.", PrometheusText.labels("tenant", "herne"), 4);
        assertEquals(
                """
                # HELP kihub_requests_total Requests.
                # TYPE kihub_requests_total counter
                kihub_requests_total{tenant="bochum"} 3
                kihub_requests_total{tenant="herne"} 4
                # HELP kihub_up Whether it runs.
                # TYPE kihub_up gauge
                kihub_up 1
                """,
                out.text());
    }

    @Test
    void countersEndInTotalExactlyOnce() {
        PrometheusText out = new PrometheusText();
        out.counter("a_total", "A.", Map.of(), 1);
        out.counter("a", "A.", Map.of(), 2);
        assertEquals(
                "# HELP a_total A.\n# TYPE a_total counter\na_total 1\na_total 2\n", out.text());
    }

    @Test
    void escapesBackslashQuoteAndNewlineInLabelValues() {
        PrometheusText out = new PrometheusText();
        out.gauge(
                "g",
                "Help with \\ and\nnewline.",
                PrometheusText.labels("path", "C:\\x \"q\"\nend"),
                1);
        assertEquals(
                "# HELP g Help with \\\\ and\\nnewline.\n"
                        + "# TYPE g gauge\n"
                        + "g{path=\"C:\\\\x \\\"q\\\"\\nend\"} 1\n",
                out.text());
    }

    @Test
    void histogramBucketsAreCumulativeUpToInfinity() {
        PrometheusText out = new PrometheusText();
        out.histogram(
                "latency_seconds",
                "Latency.",
                PrometheusText.labels("deployment", "d1"),
                new double[] {0.01, 0.1, 1},
                new long[] {2, 0, 5, 1},
                3.25);
        assertEquals(
                """
                # HELP latency_seconds Latency.
                # TYPE latency_seconds histogram
                latency_seconds_bucket{deployment="d1",le="0.01"} 2
                latency_seconds_bucket{deployment="d1",le="0.1"} 2
                latency_seconds_bucket{deployment="d1",le="1"} 7
                latency_seconds_bucket{deployment="d1",le="+Inf"} 8
                latency_seconds_sum{deployment="d1"} 3.25
                latency_seconds_count{deployment="d1"} 8
                """,
                out.text());
    }

    @Test
    void numbersUseThePrometheusSpellings() {
        assertEquals("42", PrometheusText.number(42.0));
        assertEquals("0.5", PrometheusText.number(0.5));
        assertEquals("0.0005", PrometheusText.number(0.0005));
        assertEquals("-0.0000012", PrometheusText.number(-1.2e-6));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusText.number(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("1.0E20", PrometheusText.number(1e20));
    }

    @Test
    void oneNameCannotBeTwoKindsOfMetric() {
        PrometheusText out = new PrometheusText();
        out.gauge("x_total", "X.", Map.of(), 1);
        assertThrows(IllegalArgumentException.class, () -> out.counter("x", "X.", Map.of(), 1));
    }

    @Test
    void rejectsInvalidNamesAndMalformedHistograms() {
        PrometheusText out = new PrometheusText();
        assertThrows(IllegalArgumentException.class, () -> out.gauge("1x", "X.", Map.of(), 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> out.gauge("x", "X.", PrometheusText.labels("bad-name", "v"), 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> out.histogram("h", "H.", Map.of(), new double[] {1}, new long[] {1}, 0));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        out.histogram(
                                "h", "H.", Map.of(), new double[] {2, 1}, new long[] {1, 1, 1}, 0));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        out.histogram(
                                "h",
                                "H.",
                                PrometheusText.labels("le", "1"),
                                new double[] {1},
                                new long[] {1, 1},
                                0));
    }
}
