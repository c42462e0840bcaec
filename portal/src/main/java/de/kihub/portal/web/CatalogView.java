package de.kihub.portal.web;

import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.search.CatalogHit;
import de.kihub.registry.search.CatalogQuery;
import de.kihub.registry.search.CatalogResult;
import de.kihub.registry.search.CatalogSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the catalog page shows for one search: the result cards, the facets and sort orders as links
 * that keep the rest of the search, and the paging. Every link is a bookmarkable address with the
 * API's parameters; none carries the language (the choice is a cookie).
 */
record CatalogView(
        String text,
        long total,
        List<Card> cards,
        List<Facet> facets,
        List<ActiveFilter> activeFilters,
        List<SortOption> sorts,
        Paging paging,
        List<Hidden> hidden,
        String clearAllHref) {

    static final String PATH = "/katalog";

    /** Characters of a description shown on a card when there is no highlight. */
    static final int DESCRIPTION_CHARS = 200;

    /** Page numbers shown on each side of the current one. */
    static final int PAGE_WINDOW = 2;

    private static final Set<String> CASE_INSENSITIVE = Set.of("riskClass", "format");

    /** One found model; {@code riskClass} and {@code format} are null when not stated. */
    record Card(
            String model,
            String href,
            String displayName,
            String task,
            String domain,
            String license,
            String riskClass,
            String maturity,
            String format,
            String latestVersion,
            int activeTenants,
            Snippet snippet) {}

    record Facet(String name, List<FacetValue> values) {}

    record FacetValue(String value, long count, boolean selected, String href) {}

    record ActiveFilter(String name, String value, String clearHref) {}

    record SortOption(String value, boolean selected, String href) {}

    /** A page number link; {@code number} 0 stands for the gap between distant numbers. */
    record PageLink(int number, boolean current, String href) {}

    record Paging(
            int page,
            int pages,
            long start,
            String previousHref,
            String nextHref,
            List<PageLink> links,
            boolean beyondLast,
            String lastHref) {}

    /** A parameter the search form sends along unchanged (filters, sort, page size). */
    record Hidden(String name, String value) {}

    static CatalogView of(
            CatalogParameters parameters, CatalogQuery query, CatalogResult result, Locale locale) {
        QueryParameters link = parameters.link();
        boolean english = Language.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<Card> cards = result.items().stream().map(hit -> card(hit, english)).toList();
        List<Facet> facets = new ArrayList<>();
        List<ActiveFilter> active = new ArrayList<>();
        for (String name : CatalogParameters.FILTERS) {
            String selected = parameters.get(name);
            Map<String, Long> counts = result.facets().getOrDefault(name, Map.of());
            List<FacetValue> values =
                    counts.entrySet().stream()
                            .sorted(
                                    Map.Entry.<String, Long>comparingByValue()
                                            .reversed()
                                            .thenComparing(Map.Entry.comparingByKey()))
                            .map(
                                    e ->
                                            new FacetValue(
                                                    e.getKey(),
                                                    e.getValue(),
                                                    same(name, e.getKey(), selected),
                                                    href(
                                                            link.with(name, e.getKey())
                                                                    .without(
                                                                            CatalogParameters
                                                                                    .PAGE))))
                            .toList();
            if (!values.isEmpty()) {
                facets.add(new Facet(name, values));
            }
            if (selected != null) {
                active.add(
                        new ActiveFilter(
                                name,
                                CASE_INSENSITIVE.contains(name)
                                        ? selected.toUpperCase(Locale.ROOT)
                                        : selected,
                                link.without(name).without(CatalogParameters.PAGE).link(PATH)));
            }
        }
        List<SortOption> sorts = new ArrayList<>();
        for (CatalogSort sort : CatalogSort.values()) {
            String value = sort.name().toLowerCase(Locale.ROOT);
            sorts.add(
                    new SortOption(
                            value,
                            sort == query.sort(),
                            href(
                                    link.with(
                                                    CatalogParameters.SORT,
                                                    sort == CatalogSort.RELEVANCE ? null : value)
                                            .without(CatalogParameters.PAGE))));
        }
        List<Hidden> hidden =
                link
                        .without(CatalogParameters.TEXT)
                        .without(CatalogParameters.PAGE)
                        .entries()
                        .stream()
                        .map(e -> new Hidden(e.getKey(), e.getValue()))
                        .toList();
        QueryParameters clearAll =
                QueryParameters.EMPTY.with(CatalogParameters.TEXT, parameters.text());
        return new CatalogView(
                parameters.text(),
                result.total(),
                cards,
                facets,
                active,
                sorts,
                paging(link, query.page(), query.size(), result.total(), cards.isEmpty()),
                hidden,
                clearAll.link(PATH));
    }

    private static boolean same(String facet, String value, String selected) {
        return selected != null
                && (CASE_INSENSITIVE.contains(facet)
                        ? value.equalsIgnoreCase(selected)
                        : value.equals(selected));
    }

    static Card card(CatalogHit hit, boolean english) {
        String description = localized(hit.description(), english);
        return new Card(
                hit.model(),
                ModelPage.href(hit.owner(), hit.name()),
                localized(hit.displayName(), english),
                hit.task(),
                hit.domain(),
                hit.license(),
                hit.riskClass(),
                hit.maturity(),
                hit.format(),
                hit.latestVersion(),
                hit.activeTenants(),
                hit.highlight() != null
                        ? Snippet.ofHighlight(hit.highlight())
                        : Snippet.plain(description, DESCRIPTION_CHARS));
    }

    /** The text in the page's language, else in the other one. */
    static String localized(LocalizedText text, boolean english) {
        if (text == null) {
            return null;
        }
        String preferred = english ? text.en() : text.de();
        return preferred != null && !preferred.isBlank()
                ? preferred
                : english ? text.de() : text.en();
    }

    static Paging paging(QueryParameters link, int page, int size, long total, boolean emptyPage) {
        int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
        TreeSet<Integer> numbers = new TreeSet<>(List.of(1, pages));
        for (int n = Math.max(1, page - PAGE_WINDOW);
                n <= Math.min(pages, page + PAGE_WINDOW);
                n++) {
            numbers.add(n);
        }
        List<PageLink> links = new ArrayList<>();
        int previous = 0;
        for (int n : numbers) {
            if (previous != 0 && n > previous + 1) {
                links.add(new PageLink(0, false, null));
            }
            links.add(new PageLink(n, n == page, pageHref(link, n)));
            previous = n;
        }
        return new Paging(
                page,
                pages,
                (long) (page - 1) * size + 1,
                page > 1 ? pageHref(link, Math.min(page - 1, pages)) : null,
                page < pages ? pageHref(link, page + 1) : null,
                links,
                emptyPage && total > 0,
                pageHref(link, pages));
    }

    /** A catalog address with the parameters in the API's order, whatever changed. */
    static String href(QueryParameters parameters) {
        return CatalogParameters.ordered(parameters).link(PATH);
    }

    static String pageHref(QueryParameters link, int page) {
        return href(link.with(CatalogParameters.PAGE, page == 1 ? null : String.valueOf(page)));
    }
}
