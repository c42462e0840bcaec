package de.kihub.portal.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A text excerpt as parts, some of them marked as matches. The catalog search delivers its
 * highlight as HTML (the stored text escaped, only {@code <mark>} as markup); instead of inserting
 * that HTML into the page, it is split at the marks and unescaped here, and the template writes
 * each part with {@code th:text}, escaped again. Whatever else looks like markup stays text.
 */
record Snippet(List<Part> parts) {
    static final String MARK = "<mark>";
    static final String END_MARK = "</mark>";
    static final String ELLIPSIS = "…";

    /** A piece of text; {@code marked} when it matched the query. */
    record Part(String text, boolean marked) {}

    Snippet {
        parts = List.copyOf(parts);
    }

    /** The parts of a highlight from the catalog search; null or empty gives no parts. */
    static Snippet ofHighlight(String html) {
        List<Part> parts = new ArrayList<>();
        if (html == null) {
            return new Snippet(parts);
        }
        boolean marked = false;
        int at = 0;
        while (at < html.length()) {
            String tag = marked ? END_MARK : MARK;
            int next = html.indexOf(tag, at);
            int end = next < 0 ? html.length() : next;
            if (end > at) {
                parts.add(new Part(unescape(html.substring(at, end)), marked));
            }
            if (next < 0) {
                break;
            }
            at = next + tag.length();
            marked = !marked;
        }
        return new Snippet(parts);
    }

    /**
     * The start of a plain text, white space collapsed, cut at a word boundary after at most {@code
     * max} characters with an ellipsis; null gives no parts.
     */
    static Snippet plain(String text, int max) {
        if (text == null || text.isBlank()) {
            return new Snippet(List.of());
        }
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (collapsed.length() > max) {
            int cut = collapsed.lastIndexOf(' ', max);
            collapsed = collapsed.substring(0, cut > 0 ? cut : max).strip() + ELLIPSIS;
        }
        return new Snippet(List.of(new Part(collapsed, false)));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The text without marks, e.g. for tests and logs. */
    public String text() {
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.text()));
        return text.toString();
    }

    /** Undoes exactly the escaping of the search's highlighter, in one pass. */
    static String unescape(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '&') {
                String entity = entityAt(html, i);
                if (entity != null) {
                    out.append(ENTITY_CHARS.charAt(ENTITIES.indexOf(entity)));
                    i += entity.length();
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static final List<String> ENTITIES =
            List.of("&amp;", "&lt;", "&gt;", "&quot;", "&#39;");
    private static final String ENTITY_CHARS = "&<>\"'";

    private static String entityAt(String html, int i) {
        for (String entity : ENTITIES) {
            if (html.startsWith(entity, i)) {
                return entity;
            }
        }
        return null;
    }
}
