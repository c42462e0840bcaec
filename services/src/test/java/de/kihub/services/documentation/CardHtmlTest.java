package de.kihub.services.documentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.LocalizedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardHtmlTest {

    @Test
    void everySectionIsThereAndOnlySanitisedTextComesFromOutside() {
        ModelCard card =
                ModelCard.of(
                        Map.of(
                                CardSection.INTENDED_USE,
                                new LocalizedText(
                                        "Zählen <script>alert(1)</script> **sicher**", null),
                                CardSection.QUANTITATIVE_ANALYSES,
                                new LocalizedText("[x](javascript:alert(1))", null)));
        String html =
                CardHtml.fragment(
                        "w-hs/x\"><script>",
                        "1.0.0",
                        card,
                        QuantitativeAnalyses.markdown(List.of(HuggingFaceCardTest.pets09()), "de"),
                        "de");

        assertEquals(9, html.split("<section ", -1).length - 1);
        assertTrue(html.contains("<h2>Vorgesehene Verwendung</h2>"), html);
        assertTrue(html.contains("<strong>sicher</strong>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("data-model=\"w-hs/x&quot;&gt;&lt;script&gt;\""), html);
        assertTrue(html.contains("<p class=\"card-missing\">Noch nicht beschrieben.</p>"), html);
        assertTrue(html.contains("<aside class=\"card-generated\" data-generated=\"true\">"));
        assertTrue(html.contains("<td align=\"right\">0,490</td>"), html);
    }
}
