package de.kihub.registry.model.internal;

import de.kihub.registry.access.Actor;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.card.CardComparison;
import de.kihub.registry.card.CardDiff;
import de.kihub.registry.card.CardLanguage;
import de.kihub.registry.card.CardRevision;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Model cards backed by table {@code model_card_section} (the current card) and {@code
 * model_card_revision} (every saved state). Reading follows the version's visibility; changing
 * needs the owner tenant's publisher and a DRAFT version.
 */
@ApplicationScoped
public class JpaModelCards implements ModelCards {
    static final String DE = CardLanguage.DE;
    static final String EN = CardLanguage.EN;

    /** Revisions listed at most by {@link #history}. */
    static final int MAX_HISTORY = 500;

    @Inject ModelLookup lookup;

    @Inject CardHistory history;

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
        ModelVersionEntity v = draft.version();
        ModelCard before = card(v);
        changes.sections()
                .forEach(
                        (section, text) -> {
                            v.card.removeIf(t -> t.section.equals(section.name()));
                            add(v, section, DE, text.de());
                            add(v, section, EN, text.en());
                        });
        ModelCard after = card(v);
        List<CardSection> changed = CardDiff.changedSections(before.sections(), after.sections());
        if (changed.isEmpty()) {
            return after;
        }
        int revision = history.record(v, actor.user(), null);
        audit.record(
                actor.user(),
                ref.owner(),
                "version.card-updated",
                "model-version",
                ref + "@" + v.version,
                "revision "
                        + revision
                        + "; sections "
                        + changed
                        + "; completeness "
                        + Math.round(before.completeness() * 100)
                        + "% -> "
                        + Math.round(after.completeness() * 100)
                        + "%");
        return after;
    }

    @Override
    public int latestRevision(Actor actor, ModelRef ref, String version) {
        ModelEntity model = lookup.visible(actor, ref);
        return history.latest(lookup.version(actor, model, version));
    }

    @Override
    public List<CardRevision.Summary> history(Actor actor, ModelRef ref, String version) {
        ModelEntity model = lookup.visible(actor, ref);
        ModelVersionEntity v = lookup.version(actor, model, version);
        // one more than shown, so that the oldest shown can say what it changed
        List<CardRevisionEntity> rows = history.newest(v, MAX_HISTORY + 1);
        boolean showAuthor = mayKnowAuthors(actor, model);
        List<CardRevision.Summary> list = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), MAX_HISTORY); i++) {
            CardRevision r =
                    revision(rows.get(i), i + 1 < rows.size() ? rows.get(i + 1) : null, showAuthor);
            list.add(
                    new CardRevision.Summary(
                            r.revision(),
                            r.author(),
                            r.createdAt(),
                            r.note(),
                            r.changedSections(),
                            r.completeness()));
        }
        return list;
    }

    @Override
    public CardRevision revision(Actor actor, ModelRef ref, String version, int revision) {
        ModelEntity model = lookup.visible(actor, ref);
        ModelVersionEntity v = lookup.version(actor, model, version);
        return revision(
                require(v, revision),
                revision > 1 ? history.find(v, revision - 1) : null,
                mayKnowAuthors(actor, model));
    }

    @Override
    public CardComparison compare(
            Actor actor, ModelRef ref, String version, Integer from, Integer to) {
        ModelEntity model = lookup.visible(actor, ref);
        ModelVersionEntity v = lookup.version(actor, model, version);
        int latest = history.latest(v);
        if (latest == 0) {
            throw new NotFoundException(
                    "The card of " + ref + " " + v.version + " has no revisions yet.");
        }
        int b = to == null ? latest : to;
        int a = from == null ? b - 1 : from;
        if (a < 1 || b < 1) {
            throw new InvalidRequestException(
                    "'from' and 'to' are revision numbers from 1 to "
                            + latest
                            + (from == null && b == 1
                                    ? "; revision 1 has nothing before it, give 'from'."
                                    : "."));
        }
        return CardDiff.compare(
                a, sections(require(v, a).sections), b, sections(require(v, b).sections));
    }

    private CardRevisionEntity require(ModelVersionEntity v, int revision) {
        CardRevisionEntity r = revision < 1 ? null : history.find(v, revision);
        if (r == null) {
            throw new NotFoundException(
                    "The card of version " + v.version + " has no revision " + revision + ".");
        }
        return r;
    }

    /** Who saved a card is the owner tenant's and the curators' business, like an evaluation's. */
    private static boolean mayKnowAuthors(Actor actor, ModelEntity model) {
        return actor.isCurator() || actor.belongsTo(TenantId.of(model.ownerId));
    }

    private static CardRevision revision(
            CardRevisionEntity r, CardRevisionEntity previous, boolean showAuthor) {
        Map<CardSection, LocalizedText> sections = sections(r.sections);
        Map<CardSection, LocalizedText> before =
                previous == null ? Map.of() : sections(previous.sections);
        return new CardRevision(
                r.revision,
                showAuthor ? r.createdBy : null,
                r.createdAt,
                r.note,
                CardDiff.changedSections(before, sections),
                sections,
                ModelCard.of(sections).completeness());
    }

    private static void add(ModelVersionEntity v, CardSection section, String language, String md) {
        if (md != null) {
            v.card.add(new ModelVersionEntity.CardText(section.name(), language, md));
        }
    }

    static ModelCard card(ModelVersionEntity v) {
        return ModelCard.of(sections(v.card));
    }

    static Map<CardSection, LocalizedText> sections(Collection<ModelVersionEntity.CardText> texts) {
        Map<CardSection, String[]> pairs = new EnumMap<>(CardSection.class);
        for (ModelVersionEntity.CardText t : texts) {
            String[] pair =
                    pairs.computeIfAbsent(CardSection.valueOf(t.section), s -> new String[2]);
            pair[DE.equals(t.language) ? 0 : 1] = t.markdown;
        }
        Map<CardSection, LocalizedText> sections = new EnumMap<>(CardSection.class);
        pairs.forEach((s, pair) -> sections.put(s, new LocalizedText(pair[0], pair[1])));
        return sections;
    }
}
