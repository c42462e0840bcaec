package de.kihub.services.datasets;

import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.NotFoundException;
import de.kihub.services.counting.live.CountingApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stored dataset zip opened for reading: the index parsed once, images read from the zip on
 * demand (several threads may read at once). The zip was validated on upload.
 */
final class ZipDatasetContent implements DatasetContent {
    private final Dataset dataset;
    private final DatasetArchive archive;
    private final DatasetIndex index;
    private final Set<String> images;

    private ZipDatasetContent(Dataset dataset, DatasetArchive archive, DatasetIndex index) {
        this.dataset = dataset;
        this.archive = archive;
        this.index = index;
        this.images = new HashSet<>(index.images());
    }

    /** Opens the content of {@code dataset} stored in {@code file}. */
    static ZipDatasetContent open(Path file, Dataset dataset) throws IOException {
        DatasetArchive archive = DatasetArchive.open(file, DatasetLimits.stored());
        try {
            return new ZipDatasetContent(
                    dataset, archive, DatasetIndex.read(archive, dataset.format()));
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public DatasetFormat format() {
        return index.format();
    }

    @Override
    public List<CountingItem> countingItems() {
        return index.countingItems();
    }

    @Override
    public List<MotFrame> motFrames() {
        return index.motFrames();
    }

    @Override
    public List<CountingApi.LineSpec> lines() {
        return index.lines();
    }

    @Override
    public List<ClassificationItem> classificationItems() {
        return index.classificationItems();
    }

    @Override
    public List<String> classes() {
        return index.classes();
    }

    @Override
    public byte[] image(String file) throws IOException {
        if (!images.contains(file)) {
            throw new NotFoundException(
                    "The dataset '" + dataset.dataset() + "' has no image '" + file + "'.");
        }
        return archive.read(file);
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public void close() {
        archive.close();
    }
}
