package de.kihub.portal.api.catalog;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.search.CatalogQuery;
import de.kihub.registry.search.CatalogResult;
import de.kihub.registry.search.CatalogSearch;
import de.kihub.registry.search.CatalogSort;
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

    /** Numbers arrive as strings so that a malformed one is a 400 problem, not JAX-RS's 404. */
    @GET
    @Path("/models")
    @Operation(
            summary =
                    "Search the models the caller may see (anonymous: public ones): German and"
                            + " English text, filters, facets with counts, paging (page from 1,"
                            + " size up to 100), sort relevance or newest")
    public CatalogResult models(
            @QueryParam("q") String q,
            @QueryParam("task") String task,
            @QueryParam("domain") String domain,
            @QueryParam("license") String license,
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        CatalogQuery query =
                new CatalogQuery(
                        q,
                        task,
                        domain,
                        license,
                        CatalogSort.parse(sort),
                        CatalogQuery.parameter("page", page, 1),
                        CatalogQuery.parameter("size", size, CatalogQuery.DEFAULT_SIZE));
        return search.search(context.caller().actor(), query);
    }
}
