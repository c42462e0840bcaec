package de.kihub.registry.model;

import de.kihub.registry.access.Actor;
import java.util.List;

/** Creating, reading and changing catalog entries, with visibility enforced for every caller. */
public interface Models {

    Model create(Actor actor, ModelCreate create);

    /** The model, or NotFoundException if it does not exist or the actor may not see it. */
    Model get(Actor actor, ModelRef ref);

    Model update(Actor actor, ModelRef ref, ModelUpdate update);

    /** The models the actor may see, newest first, at most {@code limit}. */
    List<Model> list(Actor actor, int limit);
}
