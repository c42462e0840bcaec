package de.kihub.services.metrics;

/**
 * Something that contributes metrics to the server's Prometheus endpoint. Implement it in an
 * application-scoped bean; the endpoint collects every implementation through CDI.
 */
public interface MetricsSource {
    /** Writes the current values; called once per scrape, so it should be quick. */
    void writePrometheus(PrometheusText out);
}
