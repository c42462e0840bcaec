package de.kihub.portal.api.catalog;

import de.kihub.portal.security.Role;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.search.CatalogSearch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/admin/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SearchAdminResource {

    @Inject TenantContext context;

    @Inject CatalogSearch search;

    @POST
    @Path("/reindex")
    @Operation(
            summary =
                    "Rebuild the search index from the database (curator); needed after the"
                            + " synonym or compound lists changed")
    public Map<String, Long> reindex() throws InterruptedException {
        context.caller().requireAnyRole(Role.CURATOR);
        long started = System.nanoTime();
        long models = search.reindex();
        return Map.of("indexed", models, "millis", (System.nanoTime() - started) / 1_000_000);
    }
}
