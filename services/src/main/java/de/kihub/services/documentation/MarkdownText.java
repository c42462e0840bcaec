package de.kihub.services.documentation;

/** Putting text from elsewhere (dataset names, settings) into generated Markdown as plain text. */
final class MarkdownText {
    private MarkdownText() {}

    /**
     * The text on one line with the characters that start markup, links, raw HTML, entities or a
     * table column backslash-escaped (CommonMark allows escaping any ASCII punctuation): it reads
     * as the same words, never as markup.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.strip()
                .codePoints()
                .forEach(
                        c -> {
                            if (c == '\n' || c == '\r' || c == '\t' || Character.isISOControl(c)) {
                                out.append(' ');
                            } else {
                                if (c < 128 && isPunctuation((char) c)) {
                                    out.append('\\');
                                }
                                out.appendCodePoint(c);
                            }
                        });
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return "\\`*_[]<>|~&".indexOf(c) >= 0;
    }
}
