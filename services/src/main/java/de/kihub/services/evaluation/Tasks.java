package de.kihub.services.evaluation;

import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.ConflictException;
import java.util.Set;

/** Which model tasks the hub can evaluate, on which dataset formats. */
final class Tasks {
    static final String PEOPLE_COUNTING = "people-counting";
    static final String OBJECT_DETECTION = "object-detection";
    static final String IMAGE_CLASSIFICATION = "image-classification";

    /** Dataset tasks whose annotations a people counter can be measured against. */
    static final Set<String> COUNTING_DATASET_TASKS = Set.of(PEOPLE_COUNTING, OBJECT_DETECTION);

    private Tasks() {}

    /** Throws ConflictException (409) unless a model of {@code task} can be evaluated on it. */
    static void requireEvaluable(String task, String datasetTask, DatasetFormat format) {
        if (IMAGE_CLASSIFICATION.equals(task)) {
            if (format != DatasetFormat.CLASS_FOLDERS) {
                throw new ConflictException(
                        "An image-classification model is evaluated on a CLASS_FOLDERS dataset;"
                                + " this dataset is "
                                + format
                                + ".");
            }
            if (!IMAGE_CLASSIFICATION.equals(datasetTask)) {
                throw new ConflictException(
                        "The dataset is for task '"
                                + datasetTask
                                + "'; an image-classification model is evaluated on an"
                                + " image-classification dataset.");
            }
            return;
        }
        if (!PEOPLE_COUNTING.equals(task)) {
            throw new ConflictException(
                    "Evaluating models of task '"
                            + task
                            + "' is not supported yet; people-counting and image-classification"
                            + " models can be evaluated.");
        }
        if (format != DatasetFormat.COUNTS_CSV && format != DatasetFormat.MOT) {
            throw new ConflictException(
                    "A people-counting model is evaluated on a COUNTS_CSV or MOT dataset; this"
                            + " dataset is "
                            + format
                            + ".");
        }
        if (!COUNTING_DATASET_TASKS.contains(datasetTask)) {
            throw new ConflictException(
                    "The dataset is for task '"
                            + datasetTask
                            + "'; a people-counting model is evaluated on a people-counting or"
                            + " object-detection dataset.");
        }
    }

    static boolean classification(String task) {
        return IMAGE_CLASSIFICATION.equals(task);
    }
}
