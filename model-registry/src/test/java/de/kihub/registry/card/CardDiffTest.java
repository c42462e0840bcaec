package de.kihub.registry.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.kihub.registry.model.LocalizedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardDiffTest {

    @Test
    void showsTheChangedLinesOfEachChangedSectionAndLanguage() {
        Map<CardSection, LocalizedText> before =
                Map.of(
                        CardSection.INTENDED_USE,
                        new LocalizedText("Zählen\nvon Besuchern\nam Stadion", "Counting visitors"),
                        CardSection.FACTORS,
                        new LocalizedText("Licht", "Light"),
                        CardSection.METRICS,
                        new LocalizedText("MAE", "MAE"));
        Map<CardSection, LocalizedText> after =
                Map.of(
                        CardSection.INTENDED_USE,
                        new LocalizedText(
                                "Zählen\nvon Fußgängern\nam Stadion", "Counting visitors"),
                        CardSection.FACTORS,
                        new LocalizedText("Licht", "Light"),
                        CardSection.TRAINING_DATA,
                        new LocalizedText(null, "COCO"));

        CardComparison c = CardDiff.compare(1, before, 2, after);

        assertEquals(
                List.of(CardSection.INTENDED_USE, CardSection.METRICS, CardSection.TRAINING_DATA),
                c.changedSections());
        assertEquals(4, c.changes().size(), c.toString());
        CardComparison.Change use = c.changes().get(0);
        assertEquals(CardSection.INTENDED_USE, use.section());
        assertEquals("de", use.language());
        assertEquals(CardComparison.Kind.CHANGED, use.kind());
        assertEquals(1, use.linesAdded());
        assertEquals(1, use.linesRemoved());
        assertEquals(
                List.of(
                        "--- revision 1 INTENDED_USE (de)",
                        "+++ revision 2 INTENDED_USE (de)",
                        "@@ -1,3 +1,3 @@",
                        " Zählen",
                        "-von Besuchern",
                        "+von Fußgängern",
                        " am Stadion"),
                use.diff());
        assertEquals(CardComparison.Kind.REMOVED, c.changes().get(1).kind());
        assertEquals("de", c.changes().get(1).language());
        assertEquals(CardComparison.Kind.REMOVED, c.changes().get(2).kind());
        assertEquals("en", c.changes().get(2).language());
        CardComparison.Change added = c.changes().get(3);
        assertEquals(CardSection.TRAINING_DATA, added.section());
        assertEquals("en", added.language());
        assertEquals(CardComparison.Kind.ADDED, added.kind());
        assertEquals(
                List.of(
                        "--- revision 1 TRAINING_DATA (en)",
                        "+++ revision 2 TRAINING_DATA (en)",
                        "@@ -0,0 +1,1 @@",
                        "+COCO"),
                added.diff());
    }

    @Test
    void identicalCardsHaveNoChanges() {
        Map<CardSection, LocalizedText> card =
                Map.of(CardSection.METRICS, new LocalizedText("MAE", "MAE"));
        CardComparison c = CardDiff.compare(3, card, 3, card);
        assertEquals(List.of(), c.changedSections());
        assertEquals(List.of(), c.changes());
    }

    @Test
    void veryLongSectionsAreReportedWithoutTheirLines() {
        String many = "x\n".repeat(CardDiff.MAX_LINES + 1);
        CardComparison.Change change =
                CardDiff.change(CardSection.METRICS, "en", "x", many, "a", "b");
        assertEquals(CardComparison.Kind.CHANGED, change.kind());
        assertNull(change.diff());
    }
}
