package de.kihub.services.documentation;

import de.kihub.registry.card.CardMarkdown;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import java.util.Locale;

/**
 * A whole card as an HTML fragment in one language: an {@code article} with one {@code section} per
 * card section. Every text from outside goes through {@link CardMarkdown} (rendered and sanitised);
 * the frame around it holds only the hub's own titles and notes, escaped.
 */
public final class CardHtml {
    private CardHtml() {}

    /**
     * @param generated the generated Markdown for the quantitative analyses, or null
     */
    public static String fragment(
            String model, String version, ModelCard card, String generated, String language) {
        boolean de = "de".equals(language);
        StringBuilder html = new StringBuilder();
        html.append("<article class=\"model-card\" lang=\"")
                .append(language)
                .append("\" data-model=\"")
                .append(escape(model))
                .append("\" data-version=\"")
                .append(escape(version))
                .append("\">\n");
        for (CardSection section : CardSection.values()) {
            String id = "card-" + section.name().toLowerCase(Locale.ROOT).replace('_', '-');
            html.append("<section id=\"")
                    .append(id)
                    .append("\" class=\"card-section\">\n<h2>")
                    .append(escape(section.title(language)))
                    .append("</h2>\n");
            String body = CardMarkdown.toHtml(card.text(section, language));
            if (body.isEmpty()) {
                html.append("<p class=\"card-missing\">")
                        .append(de ? "Noch nicht beschrieben." : "Not described yet.")
                        .append("</p>\n");
            } else {
                html.append(body).append('\n');
            }
            if (section == CardSection.QUANTITATIVE_ANALYSES) {
                html.append("<aside class=\"card-generated\" data-generated=\"true\">\n<h3>")
                        .append(escape(QuantitativeAnalyses.title(language)))
                        .append("</h3>\n");
                if (generated == null) {
                    html.append("<p>")
                            .append(
                                    de
                                            ? "Im Hub gibt es noch keine Evaluation dieser Version,"
                                                    + " die Sie sehen dürfen."
                                            : "The hub has no evaluation of this version yet that"
                                                    + " you may see.")
                            .append("</p>\n");
                } else {
                    html.append(CardMarkdown.toHtml(generated)).append('\n');
                }
                html.append("</aside>\n");
            }
            html.append("</section>\n");
        }
        return html.append("</article>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
