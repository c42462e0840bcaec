package de.kihub.services.metrics;

import de.kihub.registry.search.CatalogSearch;
import de.kihub.registry.search.SearchTimings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The catalog search in the server metrics: how long searches and suggestions take inside the
 * server (from the query to the page of hits with facets and snippets, without HTTP), so that a
 * benchmark can tell the search engine's share of a response time from the network's.
 */
@ApplicationScoped
public class CatalogSearchMetrics implements MetricsSource {
    static final String SEARCH = "kihub_catalog_search_duration_seconds";
    static final String SUGGEST = "kihub_catalog_suggest_duration_seconds";
    static final String WAIT = "kihub_catalog_search_wait_seconds";

    @Inject CatalogSearch search;

    @Override
    public void writePrometheus(PrometheusText out) {
        write(
                out,
                SEARCH,
                "Duration of catalog searches (GET /api/v1/catalog/models) inside the server.",
                search.searchTimings());
        write(
                out,
                SUGGEST,
                "Duration of catalog suggestions (GET /api/v1/catalog/suggest) inside the server.",
                search.suggestTimings());
        write(
                out,
                WAIT,
                "Time catalog searches waited for one of the kihub.search.concurrency permits"
                        + " (included in "
                        + SEARCH
                        + ").",
                search.permitWaits());
    }

    static void write(PrometheusText out, String name, String help, SearchTimings.Snapshot s) {
        out.histogram(name, help, Map.of(), s.upperBoundsSeconds(), s.counts(), s.sumSeconds());
    }
}
