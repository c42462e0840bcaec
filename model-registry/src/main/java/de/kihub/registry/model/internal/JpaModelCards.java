package de.kihub.registry.model.internal;

import de.kihub.registry.access.Actor;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.ModelRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/** Model cards backed by table {@code model_card_section}. */
@ApplicationScoped
public class JpaModelCards implements ModelCards {
    static final String DE = "de";
    static final String EN = "en";

    @Inject ModelLookup lookup;

    @Inject AuditLog audit;

    @Override
    public ModelCard get(Actor actor, ModelRef ref, String version) {
        ModelEntity model = lookup.visible(actor, ref);
        return card(lookup.version(actor, model, version));
    }

    @Override
    @Transactional
    public ModelCard update(Actor actor, ModelRef ref, String version, ModelCard changes) {
        ModelLookup.Draft draft = lookup.draftToChange(actor, ref, version);
        ModelEntity model = draft.model();
        ModelVersionEntity v = draft.version();
        TreeSet<String> changed = new TreeSet<>();
        changes.sections()
                .forEach(
                        (section, text) -> {
                            v.card.removeIf(t -> t.section.equals(section.name()));
                            add(v, section, DE, text.de());
                            add(v, section, EN, text.en());
                            changed.add(section.name());
                        });
        ModelCard after = card(v);
        audit.record(
                actor.user(),
                ref.owner(),
                "version.card-updated",
                "model-version",
                ref + "@" + v.version,
                "sections "
                        + changed
                        + "; completeness "
                        + Math.round(after.completeness() * 100)
                        + "%");
        return after;
    }

    private static void add(ModelVersionEntity v, CardSection section, String language, String md) {
        if (md != null) {
            v.card.add(new ModelVersionEntity.CardText(section.name(), language, md));
        }
    }

    static ModelCard card(ModelVersionEntity v) {
        Map<CardSection, String[]> texts = new EnumMap<>(CardSection.class);
        for (ModelVersionEntity.CardText t : v.card) {
            String[] pair =
                    texts.computeIfAbsent(CardSection.valueOf(t.section), s -> new String[2]);
            pair[DE.equals(t.language) ? 0 : 1] = t.markdown;
        }
        Map<CardSection, LocalizedText> sections = new EnumMap<>(CardSection.class);
        texts.forEach((s, pair) -> sections.put(s, new LocalizedText(pair[0], pair[1])));
        return ModelCard.of(sections);
    }
}
