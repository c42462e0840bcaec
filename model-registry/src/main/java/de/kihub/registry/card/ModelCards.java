package de.kihub.registry.card;

import de.kihub.registry.access.Actor;
import de.kihub.registry.model.ModelRef;

/** Reading and writing the card of a version. */
public interface ModelCards {

    /** The card of a version the actor may see (empty sections when nothing is written yet). */
    ModelCard get(Actor actor, ModelRef model, String version);

    /** Replaces the given sections of a draft version's card (owner's publisher); others stay. */
    ModelCard update(Actor actor, ModelRef model, String version, ModelCard changes);
}
