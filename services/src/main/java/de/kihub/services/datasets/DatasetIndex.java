package de.kihub.services.datasets;

import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.datasets.DatasetContent.ClassificationItem;
import de.kihub.services.datasets.DatasetContent.CountingItem;
import de.kihub.services.datasets.DatasetContent.MotFrame;
import java.util.List;

/**
 * What a dataset archive holds, read from its labels: only the lists of its own format are filled.
 * File names are entry names of the zip, usable with {@link DatasetContent#image}.
 */
record DatasetIndex(
        DatasetFormat format,
        List<CountingItem> countingItems,
        List<MotFrame> motFrames,
        List<CountingApi.LineSpec> lines,
        List<ClassificationItem> classificationItems,
        List<String> classes) {

    DatasetIndex {
        countingItems = List.copyOf(countingItems);
        motFrames = List.copyOf(motFrames);
        lines = List.copyOf(lines);
        classificationItems = List.copyOf(classificationItems);
        classes = List.copyOf(classes);
    }

    static DatasetIndex counting(List<CountingItem> items) {
        return new DatasetIndex(
                DatasetFormat.COUNTS_CSV, items, List.of(), List.of(), List.of(), List.of());
    }

    static DatasetIndex mot(List<MotFrame> frames, List<CountingApi.LineSpec> lines) {
        return new DatasetIndex(DatasetFormat.MOT, List.of(), frames, lines, List.of(), List.of());
    }

    static DatasetIndex classification(List<ClassificationItem> items, List<String> classes) {
        return new DatasetIndex(
                DatasetFormat.CLASS_FOLDERS, List.of(), List.of(), List.of(), items, classes);
    }

    /** Every image of the dataset, in the order of its items. */
    List<String> images() {
        return switch (format) {
            case COUNTS_CSV -> countingItems.stream().map(CountingItem::file).toList();
            case MOT -> motFrames.stream().map(MotFrame::file).toList();
            case CLASS_FOLDERS ->
                    classificationItems.stream().map(ClassificationItem::file).toList();
        };
    }

    int size() {
        return switch (format) {
            case COUNTS_CSV -> countingItems.size();
            case MOT -> motFrames.size();
            case CLASS_FOLDERS -> classificationItems.size();
        };
    }

    /** Reads the index of an archive in {@code format}, naming the first bad line or file. */
    static DatasetIndex read(DatasetArchive archive, DatasetFormat format)
            throws java.io.IOException {
        return switch (format) {
            case COUNTS_CSV -> LabelsCsv.read(archive);
            case MOT -> MotSequence.read(archive);
            case CLASS_FOLDERS -> ClassFolders.read(archive);
        };
    }
}
