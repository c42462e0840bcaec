/**
 * {@code /api/v1/metrics}: server and usage metrics in the Prometheus text format, for curators and
 * for a Prometheus server presenting the configured scrape key.
 */
package de.kihub.portal.api.metrics;
