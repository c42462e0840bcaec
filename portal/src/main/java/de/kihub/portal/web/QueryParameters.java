package de.kihub.portal.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of a page address, in their order, immutable: pages build the links that
 * keep the current search (facets, sort, paging, language switch) from them. Parsed from the raw
 * query string rather than the servlet's parameter map, which neither keeps the order nor tells
 * query from form parameters.
 */
final class QueryParameters {
    static final QueryParameters EMPTY = new QueryParameters(List.of());

    private final List<Map.Entry<String, String>> entries;

    private QueryParameters(List<Map.Entry<String, String>> entries) {
        this.entries = List.copyOf(entries);
    }

    /** From a raw (percent-encoded) query string; null or empty gives no parameters. */
    static QueryParameters parse(String query) {
        if (query == null || query.isEmpty()) {
            return EMPTY;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                entries.add(Map.entry(name, value));
            }
        }
        return new QueryParameters(entries);
    }

    /** The first value of {@code name}, or null. */
    String first(String name) {
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * {@code name} set to {@code value}: in the place of its first occurrence (others dropped), or
     * appended; a null or blank value removes it.
     */
    QueryParameters with(String name, String value) {
        if (value == null || value.isBlank()) {
            return without(name);
        }
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        boolean set = false;
        for (Map.Entry<String, String> e : entries) {
            if (!e.getKey().equals(name)) {
                copy.add(e);
            } else if (!set) {
                copy.add(Map.entry(name, value));
                set = true;
            }
        }
        if (!set) {
            copy.add(Map.entry(name, value));
        }
        return new QueryParameters(copy);
    }

    QueryParameters without(String name) {
        return new QueryParameters(entries.stream().filter(e -> !e.getKey().equals(name)).toList());
    }

    List<Map.Entry<String, String>> entries() {
        return entries;
    }

    /** {@code path} with these parameters: {@code /katalog?q=Z%C3%A4hler&page=2}. */
    String link(String path) {
        if (entries.isEmpty()) {
            return path;
        }
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> e : entries) {
            link.append(separator).append(encode(e.getKey())).append('=');
            link.append(encode(e.getValue()));
            separator = '&';
        }
        return link.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%' is kept as typed rather than failing the page
            return s;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return link("");
    }
}
