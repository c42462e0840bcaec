package de.kihub.services.datasets;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.DatasetRef;
import java.util.UUID;

/** Opens stored datasets for evaluations (visibility checked for the actor). */
public interface DatasetContents {

    /** The dataset's content if the actor may see it and it has content, else 404 / 409. */
    DatasetContent open(Actor actor, DatasetRef ref);

    /** The content of the dataset with this id, no visibility check (a running job). */
    DatasetContent open(UUID datasetId);
}
