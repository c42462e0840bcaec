package de.kihub.registry.dataset;

import de.kihub.registry.access.Actor;
import java.util.List;
import java.util.UUID;

/** Registering, reading and publishing datasets, with visibility enforced; every change audited. */
public interface Datasets {

    /** Registers a dataset of the actor's tenant (a publisher or deployer of it). */
    Dataset create(Actor actor, DatasetCreate create);

    /** The dataset, or NotFoundException if it does not exist or the actor may not see it. */
    Dataset get(Actor actor, DatasetRef ref);

    /** The dataset with this id whatever its visibility (the hub's own use), or NotFound. */
    Dataset get(UUID id);

    /** The datasets the actor may see, optionally of one task, newest first. */
    List<Dataset> list(Actor actor, String task, int limit);

    /** Checks before an upload is read that the actor may replace the content. */
    void requireContentUpload(Actor actor, DatasetRef ref);

    /** Stores the validated content's sha256, size and number of items. */
    Dataset recordContent(Actor actor, DatasetRef ref, String sha256, long size, int items);

    /** A curator approves a requested PUBLIC visibility (or rejects it with a comment). */
    Dataset review(Actor actor, DatasetRef ref, boolean approve, String comment);

    /** Every sha256 some dataset references (content that must be kept by the clean-up). */
    java.util.Set<String> referencedContent();
}
