package de.kihub.registry.card;

import de.kihub.registry.access.Actor;
import de.kihub.registry.model.ModelRef;
import java.util.List;

/**
 * Reading and writing the card of a version, and its history. Whoever may see the version may read
 * its card and history; only the owner tenant's publishers change a draft's card.
 */
public interface ModelCards {

    /** The card of a version the actor may see (empty sections when nothing is written yet). */
    ModelCard get(Actor actor, ModelRef model, String version);

    /**
     * Replaces the given sections of a draft version's card (owner's publisher); others stay. A
     * save that changes the card adds a revision and an audit event; one that changes nothing adds
     * neither.
     */
    ModelCard update(Actor actor, ModelRef model, String version, ModelCard changes);

    /** The number of the card's latest revision, 0 when it was never saved. */
    int latestRevision(Actor actor, ModelRef model, String version);

    /** The card's revisions, newest first. */
    List<CardRevision.Summary> history(Actor actor, ModelRef model, String version);

    /** One revision, or NotFoundException. */
    CardRevision revision(Actor actor, ModelRef model, String version, int revision);

    /**
     * What changed between two revisions; {@code to} defaults to the latest, {@code from} to the
     * one before {@code to}.
     */
    CardComparison compare(Actor actor, ModelRef model, String version, Integer from, Integer to);
}
