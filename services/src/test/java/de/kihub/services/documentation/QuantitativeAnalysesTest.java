package de.kihub.services.documentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.card.CardMarkdown;
import jakarta.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuantitativeAnalysesTest {

    @Test
    void oneTablePerDatasetWithTheMetricsItHas() {
        Map<String, Double> classification = new LinkedHashMap<>();
        classification.put("accuracy", 0.9);
        classification.put("macroF1", 19.0 / 21);
        EvaluatedResult colours =
                new EvaluatedResult(
                        UUID.randomUUID(),
                        "w-hs/colours",
                        "Farben | <b>fett</b>",
                        "image-classification",
                        Json.createObjectBuilder()
                                .add("labels", "labels.txt")
                                .add("labelsSha256", "ab".repeat(32))
                                .add("classes", 3)
                                .build(),
                        classification,
                        HuggingFaceCardTest.WHEN,
                        "tenant");
        String md =
                QuantitativeAnalyses.markdown(List.of(colours, HuggingFaceCardTest.pets09()), "de");

        assertTrue(md.startsWith("_Automatisch erzeugt aus den Evaluationen des KI-Hub"), md);
        assertTrue(
                md.contains(
                        "| Einstellungen | Genauigkeit | Makro-F1 | Evaluiert | Sichtbar für |\n"
                                + "|---|--:|--:|---|---|\n"
                                + "| labels labels.txt, classes 3 | 0,900 | 0,905 | 2026-11-20 |"
                                + " nur der ausführende Mandant |"),
                md);
        assertTrue(md.contains("| Einstellungen | MAE | AP@0.5 | Evaluiert | Sichtbar für |"), md);
        assertFalse(md.contains("abab"), "content hashes are left out of the settings");

        String html = CardMarkdown.toHtml(md);
        assertEquals(2, html.split("<table>", -1).length - 1, html);
        assertTrue(html.contains("Farben | &lt;b&gt;fett&lt;/b&gt;"), "a name stays text: " + html);
        assertFalse(html.contains("<b>"), html);
    }

    @Test
    void nothingWithoutResults() {
        assertNull(QuantitativeAnalyses.markdown(List.of(), "en"));
    }

    @Test
    void numbersForMachinesHaveNoExponent() {
        assertEquals("0.00001", QuantitativeAnalyses.plain(1e-5));
        assertEquals("0.904762", QuantitativeAnalyses.plain(19.0 / 21));
        assertEquals("0", QuantitativeAnalyses.plain(0.0));
    }
}
