package de.kihub.services.datasets;

import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.services.counting.live.CountingApi;
import java.io.IOException;
import java.util.List;

/**
 * A stored, validated dataset opened for reading: its index in memory, image bytes on demand. Only
 * the lists of its own {@link #format()} are filled; the others are empty.
 */
public interface DatasetContent extends AutoCloseable {

    Dataset dataset();

    DatasetFormat format();

    /** COUNTS_CSV: one entry per labelled image, in the order of labels.csv. */
    List<CountingItem> countingItems();

    /** MOT: every frame with its ground-truth boxes, in frame order. */
    List<MotFrame> motFrames();

    /** MOT: the counting lines of lines.json (may be empty). */
    List<CountingApi.LineSpec> lines();

    /** CLASS_FOLDERS: one entry per image. */
    List<ClassificationItem> classificationItems();

    /** CLASS_FOLDERS: the class names (folder names), sorted. */
    List<String> classes();

    /** The bytes of one image of the archive (a name from the lists above). */
    byte[] image(String file) throws IOException;

    /** How many items (images) the dataset has. */
    int size();

    @Override
    void close();

    /** A labelled image for people counting. */
    record CountingItem(String file, int count) {}

    /** A frame and its ground truth; {@code considered = false} marks people MOT does not count. */
    record MotFrame(int frame, String file, List<GroundTruthBox> boxes) {}

    /** One annotated person: track id and box in image pixels. */
    record GroundTruthBox(
            int id, double left, double top, double width, double height, boolean considered) {}

    /** An image with its class (folder) name. */
    record ClassificationItem(String file, String label) {}
}
