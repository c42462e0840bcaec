package de.kihub.registry.card;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a card's Markdown into HTML that is safe to put into a page: CommonMark with GFM tables
 * (commonmark-java), then an allow-list sanitiser (OWASP java-html-sanitizer) as a second,
 * independent line of defence. Raw HTML is never passed through: HTML comments are left out, other
 * tags are shown as text. Images become links to the picture, so that reading a card makes no
 * request to a third party. Links keep http, https and mailto targets only and get {@code
 * rel="nofollow noopener"}. Thread-safe; parser, renderer and policy are immutable.
 */
public final class CardMarkdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder()
                    .extensions(EXTENSIONS)
                    .escapeHtml(true)
                    // link targets are checked by the sanitiser's protocol allow-list below, which
                    // drops a disallowed link entirely (its text stays) instead of leaving href=""
                    .sanitizeUrls(false)
                    .nodeRendererFactory(NoRawHtml::new)
                    .build();
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

    /** What may appear in a rendered card; everything else is removed, its text kept. */
    static final PolicyFactory POLICY =
            new HtmlPolicyBuilder()
                    .allowElements(
                            "p",
                            "br",
                            "hr",
                            "h1",
                            "h2",
                            "h3",
                            "h4",
                            "h5",
                            "h6",
                            "ul",
                            "ol",
                            "li",
                            "blockquote",
                            "pre",
                            "code",
                            "em",
                            "strong",
                            "table",
                            "thead",
                            "tbody",
                            "tr",
                            "th",
                            "td",
                            "a")
                    .allowAttributes("start")
                    .matching(Pattern.compile("[0-9]{1,9}"))
                    .onElements("ol")
                    .allowAttributes("align")
                    .matching(true, "left", "center", "right")
                    .onElements("th", "td")
                    .allowAttributes("class")
                    .matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}"))
                    .onElements("code")
                    .allowAttributes("href")
                    .onElements("a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .requireRelsOnLinks("nofollow", "noopener")
                    .toFactory();

    private CardMarkdown() {}

    /** Sanitised HTML for the Markdown; empty for null or blank. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown))).strip();
    }

    /**
     * The text a reader sees, whitespace collapsed: words, link texts, code and table cells,
     * without Markdown syntax and without raw HTML.
     */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        PARSER.parse(markdown)
                .accept(
                        new AbstractVisitor() {
                            @Override
                            public void visit(Text node) {
                                text.append(node.getLiteral()).append(' ');
                            }

                            @Override
                            public void visit(Code node) {
                                text.append(node.getLiteral()).append(' ');
                            }

                            @Override
                            public void visit(FencedCodeBlock node) {
                                text.append(node.getLiteral()).append(' ');
                            }

                            @Override
                            public void visit(IndentedCodeBlock node) {
                                text.append(node.getLiteral()).append(' ');
                            }
                        });
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    /** Renders raw HTML as text (comments left out) and images as links. */
    private static final class NoRawHtml implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        NoRawHtml(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class, HtmlInline.class, Image.class);
        }

        @Override
        public void render(Node node) {
            switch (node) {
                case HtmlBlock block -> {
                    String shown = COMMENT.matcher(block.getLiteral()).replaceAll("").strip();
                    if (!shown.isEmpty()) {
                        html.line();
                        html.tag("p");
                        html.text(shown);
                        html.tag("/p");
                        html.line();
                    }
                }
                case HtmlInline inline -> {
                    if (!inline.getLiteral().startsWith("<!--")) {
                        html.text(inline.getLiteral());
                    }
                }
                case Image image -> {
                    html.tag("a", Map.of("href", context.encodeUrl(image.getDestination())));
                    if (image.getFirstChild() == null) {
                        html.text(image.getDestination());
                    } else {
                        renderChildren(image);
                    }
                    html.tag("/a");
                }
                default -> renderChildren(node);
            }
        }

        private void renderChildren(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }
}
