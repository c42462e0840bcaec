package de.kihub.registry.dataset.internal;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import java.util.List;
import java.util.Map;

/** The rules about datasets, as plain functions so that they are tested without a container. */
final class DatasetAccess {
    /** Which model tasks a format's labels can evaluate. */
    static final Map<DatasetFormat, List<String>> TASKS =
            Map.of(
                    DatasetFormat.COUNTS_CSV, List.of("people-counting", "object-detection"),
                    DatasetFormat.MOT, List.of("people-counting", "object-detection"),
                    DatasetFormat.CLASS_FOLDERS, List.of("image-classification"));

    private DatasetAccess() {}

    /** Curators and the owner tenant see everything; others only what a curator made public. */
    static boolean canSee(Actor actor, TenantId owner, Visibility visibility) {
        return actor.isCurator() || actor.belongsTo(owner) || visibility == Visibility.PUBLIC;
    }

    /** The task, if the format's labels fit it; else InvalidRequestException naming the fits. */
    static String task(DatasetFormat format, String task) {
        List<String> fitting = TASKS.get(format);
        if (!fitting.contains(task)) {
            throw new InvalidRequestException(
                    "A "
                            + format
                            + " dataset serves the task(s) "
                            + String.join(", ", fitting)
                            + ", not '"
                            + task
                            + "'.");
        }
        return task;
    }
}
