package de.kihub.portal.api.catalog;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.search.CatalogQuery;
import de.kihub.registry.search.CatalogResult;
import de.kihub.registry.search.CatalogSearch;
import de.kihub.registry.search.CatalogSuggestions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CatalogResource {

    @Inject TenantContext context;

    @Inject CatalogSearch search;

    /** Numbers and choices arrive as strings so that a malformed one is a 400 problem. */
    @GET
    @Path("/models")
    @Operation(
            summary =
                    "Search the models the caller may see (anonymous: public ones): German and"
                            + " English text, filters (task, domain, license, riskClass, format,"
                            + " owner), facets with counts, highlighted snippets, paging (page from"
                            + " 1, size up to 100), sort relevance, newest or reuse")
    public CatalogResult models(
            @QueryParam("q") String q,
            @QueryParam("task") String task,
            @QueryParam("domain") String domain,
            @QueryParam("license") String license,
            @QueryParam("riskClass") String riskClass,
            @QueryParam("format") String format,
            @QueryParam("owner") String owner,
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        CatalogQuery query =
                CatalogQuery.of(
                        q, task, domain, license, riskClass, format, owner, sort, page, size);
        return search.search(context.caller().actor(), query);
    }

    @GET
    @Path("/suggest")
    @Operation(
            summary =
                    "Suggestions as you type (q: 2 to 100 characters): at most 10 models the"
                            + " caller may see whose display name or a tag starts with the typed"
                            + " words")
    public CatalogSuggestions suggest(@QueryParam("q") String q) {
        return search.suggest(context.caller().actor(), q);
    }
}
