package de.kihub.services.documentation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Model cards for use outside the hub. Other exports (a deployment's record) embed the same card,
 * so it is a service method, not only an endpoint.
 */
@ApplicationScoped
public class ModelCardExport {
    public static final String MEDIA_TYPE = "text/markdown";

    @Inject Models models;

    @Inject Versions versions;

    @Inject ModelCards cards;

    @Inject CardEvaluations evaluations;

    /**
     * The card of a version the actor may see (else NotFoundException) as a Hugging Face model
     * card: Markdown with YAML front matter, the evaluation results the actor may see in its
     * model-index.
     */
    public String huggingFace(Actor actor, ModelRef model, String version) {
        Model m = models.get(actor, model);
        ModelVersion v = versions.get(actor, model, version);
        return HuggingFaceCard.markdown(
                m, v, cards.get(actor, model, version), evaluations.of(actor, model, v.version()));
    }
}
