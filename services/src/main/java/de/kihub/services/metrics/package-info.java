/**
 * Server metrics in the Prometheus text format: a writer, the {@link MetricsSource} contract that
 * features implement to contribute metrics, and the JVM's own numbers.
 */
package de.kihub.services.metrics;
