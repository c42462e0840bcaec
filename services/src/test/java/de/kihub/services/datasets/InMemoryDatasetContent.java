package de.kihub.services.datasets;

import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.model.Visibility;
import de.kihub.services.counting.live.CountingApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A dataset's content for tests: the index in memory, images as bytes or as files on disk. */
public final class InMemoryDatasetContent implements DatasetContent {
    private final Dataset dataset;
    private final List<CountingItem> countingItems;
    private final List<MotFrame> motFrames;
    private final List<CountingApi.LineSpec> lines;
    private final List<ClassificationItem> classificationItems;
    private final Map<String, byte[]> images = new HashMap<>();
    private final Map<String, Path> files = new HashMap<>();
    private boolean closed;

    private InMemoryDatasetContent(
            DatasetFormat format,
            String task,
            List<CountingItem> countingItems,
            List<MotFrame> motFrames,
            List<CountingApi.LineSpec> lines,
            List<ClassificationItem> classificationItems) {
        this.dataset =
                new Dataset(
                        UUID.randomUUID(),
                        "test/" + format.name().toLowerCase().replace('_', '-'),
                        "test",
                        format.name().toLowerCase().replace('_', '-'),
                        "Test data",
                        null,
                        task,
                        format,
                        "CC-BY-4.0",
                        Visibility.PRIVATE,
                        null,
                        "0".repeat(64),
                        0L,
                        Math.max(
                                classificationItems.size(),
                                Math.max(countingItems.size(), motFrames.size())),
                        "tester",
                        Instant.EPOCH,
                        Instant.EPOCH);
        this.countingItems = List.copyOf(countingItems);
        this.motFrames = List.copyOf(motFrames);
        this.lines = List.copyOf(lines);
        this.classificationItems = List.copyOf(classificationItems);
    }

    /** A COUNTS_CSV dataset. */
    public static InMemoryDatasetContent counts(List<CountingItem> items) {
        return new InMemoryDatasetContent(
                DatasetFormat.COUNTS_CSV,
                "people-counting",
                items,
                List.of(),
                List.of(),
                List.of());
    }

    /** A MOT dataset with its lines.json. */
    public static InMemoryDatasetContent mot(
            List<MotFrame> frames, List<CountingApi.LineSpec> lines) {
        return new InMemoryDatasetContent(
                DatasetFormat.MOT, "people-counting", List.of(), frames, lines, List.of());
    }

    /** A CLASS_FOLDERS dataset: images with their class (folder) names. */
    public static InMemoryDatasetContent classFolders(List<ClassificationItem> items) {
        return new InMemoryDatasetContent(
                DatasetFormat.CLASS_FOLDERS,
                "image-classification",
                List.of(),
                List.of(),
                List.of(),
                items);
    }

    /** Adds an image's bytes. */
    public InMemoryDatasetContent with(String file, byte[] bytes) {
        images.put(file, bytes);
        return this;
    }

    /** Adds an image that is read from disk when asked for. */
    public InMemoryDatasetContent with(String file, Path path) {
        files.put(file, path);
        return this;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public DatasetFormat format() {
        return dataset.format();
    }

    @Override
    public List<CountingItem> countingItems() {
        return countingItems;
    }

    @Override
    public List<MotFrame> motFrames() {
        return motFrames;
    }

    @Override
    public List<CountingApi.LineSpec> lines() {
        return lines;
    }

    @Override
    public List<ClassificationItem> classificationItems() {
        return classificationItems;
    }

    @Override
    public List<String> classes() {
        return classificationItems.stream()
                .map(ClassificationItem::label)
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public byte[] image(String file) throws IOException {
        byte[] bytes = images.get(file);
        if (bytes != null) {
            return bytes;
        }
        Path path = files.get(file);
        if (path == null) {
            throw new NoSuchFileException(file);
        }
        return Files.readAllBytes(path);
    }

    @Override
    public int size() {
        return dataset.items();
    }

    @Override
    public void close() {
        closed = true;
    }
}
