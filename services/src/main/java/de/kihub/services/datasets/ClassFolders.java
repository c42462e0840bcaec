package de.kihub.services.datasets;

import static de.kihub.services.datasets.DatasetArchive.quote;

import de.kihub.services.datasets.DatasetContent.ClassificationItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * CLASS_FOLDERS: images in one folder per class ({@code <class>/<image>}), at the top of the
 * archive or of its one top-level folder; at least two classes, nothing but images.
 */
final class ClassFolders {
    static final int MAX_CLASS_NAME = 100;

    private ClassFolders() {}

    static DatasetIndex read(DatasetArchive archive) {
        String root = root(archive);
        List<ClassificationItem> items = new ArrayList<>();
        TreeSet<String> classes = new TreeSet<>();
        for (String file : archive.files()) {
            String[] path = file.substring(root.length()).split("/");
            if (path.length == 1) {
                throw new InvalidDatasetException(
                        quote(file)
                                + " lies outside a class folder: put every image into the folder"
                                + " of its class, e.g. cat/"
                                + path[0]
                                + ".");
            }
            if (path.length > 2) {
                throw new InvalidDatasetException(
                        quote(file)
                                + " lies too deep: images go directly into the folder of their"
                                + " class (class/image.jpg).");
            }
            if (!DatasetArchive.isImage(file)) {
                throw new InvalidDatasetException(
                        quote(file)
                                + " is not an image: a CLASS_FOLDERS dataset holds only .jpg,"
                                + " .jpeg and .png images in class folders.");
            }
            if (path[0].length() > MAX_CLASS_NAME) {
                throw new InvalidDatasetException(
                        "The class folder "
                                + quote(path[0])
                                + " has a name longer than "
                                + MAX_CLASS_NAME
                                + " characters.");
            }
            items.add(new ClassificationItem(file, path[0]));
            classes.add(path[0]);
        }
        if (classes.size() < 2) {
            throw new InvalidDatasetException(
                    (classes.isEmpty()
                                    ? "The archive has no images in class folders"
                                    : "The archive has only the class " + quote(classes.first()))
                            + "; classification needs at least 2 class folders with images.");
        }
        items.sort(
                Comparator.comparing(ClassificationItem::label)
                        .thenComparing(ClassificationItem::file));
        return DatasetIndex.classification(items, List.copyOf(classes));
    }

    /** A single top-level folder is the root when it holds class folders, not images. */
    private static String root(DatasetArchive archive) {
        String folder = archive.commonFolder();
        if (folder.isEmpty()) {
            return "";
        }
        boolean nested =
                archive.files().stream().allMatch(f -> f.substring(folder.length()).contains("/"));
        return nested ? folder : "";
    }
}
