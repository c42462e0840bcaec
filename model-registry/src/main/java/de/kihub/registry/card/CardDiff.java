package de.kihub.registry.card;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import de.kihub.registry.model.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Line diffs between two states of a card (java-diff-utils, Myers' algorithm). */
public final class CardDiff {
    /** Beyond this many lines on a side a change is reported without its lines (bounded work). */
    public static final int MAX_LINES = 2_000;

    static final int CONTEXT = 3;

    private CardDiff() {}

    /** The sections whose text differs in at least one language, in card order. */
    public static List<CardSection> changedSections(
            Map<CardSection, LocalizedText> from, Map<CardSection, LocalizedText> to) {
        List<CardSection> changed = new ArrayList<>();
        for (CardSection section : CardSection.values()) {
            for (String language : CardLanguage.ALL) {
                if (!Objects.equals(text(from, section, language), text(to, section, language))) {
                    changed.add(section);
                    break;
                }
            }
        }
        return List.copyOf(changed);
    }

    /** Revision {@code fromRevision} against {@code toRevision}, section by section. */
    public static CardComparison compare(
            int fromRevision,
            Map<CardSection, LocalizedText> from,
            int toRevision,
            Map<CardSection, LocalizedText> to) {
        List<CardComparison.Change> changes = new ArrayList<>();
        for (CardSection section : changedSections(from, to)) {
            for (String language : CardLanguage.ALL) {
                String a = text(from, section, language);
                String b = text(to, section, language);
                if (!Objects.equals(a, b)) {
                    changes.add(
                            change(
                                    section,
                                    language,
                                    a,
                                    b,
                                    "revision " + fromRevision,
                                    "revision " + toRevision));
                }
            }
        }
        return new CardComparison(
                fromRevision, toRevision, changedSections(from, to), List.copyOf(changes));
    }

    static CardComparison.Change change(
            CardSection section,
            String language,
            String from,
            String to,
            String fromName,
            String toName) {
        CardComparison.Kind kind =
                from == null
                        ? CardComparison.Kind.ADDED
                        : to == null ? CardComparison.Kind.REMOVED : CardComparison.Kind.CHANGED;
        List<String> a = lines(from);
        List<String> b = lines(to);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return new CardComparison.Change(section, language, kind, b.size(), a.size(), null);
        }
        Patch<String> patch = DiffUtils.diff(a, b);
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        String where = " " + section + " (" + language + ")";
        List<String> diff =
                UnifiedDiffUtils.generateUnifiedDiff(
                        fromName + where, toName + where, a, patch, CONTEXT);
        return new CardComparison.Change(
                section, language, kind, added, removed, List.copyOf(diff));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\r\n|\n|\r", -1));
    }

    private static String text(
            Map<CardSection, LocalizedText> card, CardSection section, String language) {
        LocalizedText t = card.get(section);
        if (t == null) {
            return null;
        }
        return CardLanguage.DE.equals(language) ? t.de() : t.en();
    }
}
