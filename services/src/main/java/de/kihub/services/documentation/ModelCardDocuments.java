package de.kihub.services.documentation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.card.CardLanguage;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.SemanticVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A version's card as pages and the API show it: the authors' sections with the generated
 * quantitative analyses beside them, as data ({@link #view}) or as sanitised HTML ({@link #html}).
 */
@ApplicationScoped
public class ModelCardDocuments {

    @Inject ModelCards cards;

    @Inject CardEvaluations evaluations;

    /**
     * The card with its completeness, revision and generated analyses (version must be visible).
     */
    public ModelCardView view(Actor actor, ModelRef model, String version) {
        ModelCard card = cards.get(actor, model, version);
        return view(actor, model, version, card);
    }

    /** Saves sections of a draft's card (owner's publisher) and shows the result. */
    public ModelCardView update(Actor actor, ModelRef model, String version, ModelCard changes) {
        ModelCard card = cards.update(actor, model, version, changes);
        return view(actor, model, version, card);
    }

    /** The whole card in {@code language} as an HTML fragment, sanitised. */
    public String html(Actor actor, ModelRef model, String version, String language) {
        String lang = CardLanguage.of(language);
        ModelCard card = cards.get(actor, model, version);
        List<EvaluatedResult> results = evaluations.of(actor, model, normalized(version));
        return CardHtml.fragment(
                model.toString(),
                normalized(version),
                card,
                QuantitativeAnalyses.markdown(results, lang),
                lang);
    }

    private ModelCardView view(Actor actor, ModelRef model, String version, ModelCard card) {
        String v = normalized(version);
        List<EvaluatedResult> results = evaluations.of(actor, model, v);
        return new ModelCardView(
                model.toString(),
                v,
                card.sections(),
                card.completeness(),
                card.completenessDetail(),
                cards.latestRevision(actor, model, version),
                new ModelCardView.Generated(
                        CardSection.QUANTITATIVE_ANALYSES,
                        new LocalizedText(
                                QuantitativeAnalyses.note(CardLanguage.DE),
                                QuantitativeAnalyses.note(CardLanguage.EN)),
                        results.isEmpty()
                                ? null
                                : new LocalizedText(
                                        QuantitativeAnalyses.markdown(results, CardLanguage.DE),
                                        QuantitativeAnalyses.markdown(results, CardLanguage.EN)),
                        results));
    }

    /** The version as stored ("1.0" is refused earlier by the card lookup). */
    static String normalized(String version) {
        return SemanticVersion.parse(version).toString();
    }
}
