package de.kihub.portal.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every request and response. Without it RESTEasy builds a new one per
 * response (a provider lookup that also contends on a jar-file lock): 8.6 % of the hub's CPU under
 * search load, 1.8 % with this (docs/benchmarks.md, catalog search). Jsonb is thread-safe.
 */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
