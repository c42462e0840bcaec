package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.search.CatalogQuery;
import de.kihub.registry.search.CatalogResult;
import de.kihub.registry.search.CatalogSearch;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The catalog page {@code /katalog}: the search form, results, facets, sort and paging, with the
 * parameters of {@code GET /api/v1/catalog/models} in the address. It calls the registry's search
 * directly with the caller's visibility, as the API does. Rejected parameters answer 400 with the
 * page saying which one and a link without it.
 */
@WebServlet(CatalogView.PATH)
public class CatalogServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A rejected parameter and its value, for the message that names it. */
    record Invalid(String name, String value) {}

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Inject transient CatalogSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = context.caller();
        PageModel page = PageModel.start(request, response, caller).section("catalog");
        CatalogParameters parameters =
                CatalogParameters.of(QueryParameters.parse(request.getQueryString()));
        page.put("text", parameters.text());
        List<String> invalid = parameters.invalid();
        if (!invalid.isEmpty()) {
            rejected(page, parameters, invalid, null);
        } else {
            try {
                CatalogQuery query = parameters.query();
                CatalogResult result = search.search(caller.actor(), query);
                page.put("view", CatalogView.of(parameters, query, result, page.locale()));
            } catch (InvalidRequestException e) {
                // rejected only in combination: say what the registry says
                rejected(page, parameters, List.of(), e.getMessage());
            }
        }
        pages.render("catalog", page, request, response);
    }

    private static void rejected(
            PageModel page, CatalogParameters parameters, List<String> invalid, String detail) {
        QueryParameters without = parameters.link();
        for (String name : invalid) {
            without = without.without(name);
        }
        page.status(HttpServletResponse.SC_BAD_REQUEST)
                .put(
                        "invalid",
                        invalid.stream().map(n -> new Invalid(n, parameters.get(n))).toList())
                .put("detail", detail)
                .put(
                        "withoutInvalid",
                        without.without(CatalogParameters.PAGE).link(CatalogView.PATH))
                .put(
                        "hidden",
                        without
                                .without(CatalogParameters.TEXT)
                                .without(CatalogParameters.PAGE)
                                .entries()
                                .stream()
                                .map(e -> new CatalogView.Hidden(e.getKey(), e.getValue()))
                                .toList());
    }
}
