package de.kihub.services.datasets;

import static de.kihub.services.datasets.DatasetArchive.quote;

import de.kihub.services.datasets.DatasetContent.CountingItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * COUNTS_CSV: images plus {@code labels.csv} with lines {@code file,count} (header optional), at
 * the top of the archive or of its one top-level folder. Every label names an image in the archive,
 * every image has exactly one label.
 */
final class LabelsCsv {
    static final String NAME = "labels.csv";
    static final int MAX_COUNT = 1_000_000;
    private static final Pattern COUNT = Pattern.compile("\\d{1,7}");

    private LabelsCsv() {}

    static DatasetIndex read(DatasetArchive archive) throws IOException {
        String root = root(archive);
        String labels = root + NAME;
        List<CountingItem> items = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        archive.lines(
                labels,
                (number, line) -> {
                    String text = line.strip();
                    if (text.isEmpty() || items.isEmpty() && lineOf.isEmpty() && isHeader(text)) {
                        return;
                    }
                    CountingItem item = parse(archive, root, number, text);
                    Integer first = lineOf.putIfAbsent(item.file(), number);
                    if (first != null) {
                        throw new InvalidDatasetException(
                                at(number)
                                        + quote(item.file().substring(root.length()))
                                        + " is labelled twice (first on line "
                                        + first
                                        + ").");
                    }
                    items.add(item);
                });
        if (items.isEmpty()) {
            throw new InvalidDatasetException(
                    labels + " lists no images; add one line file,count per image.");
        }
        Set<String> labelled = new HashSet<>(lineOf.keySet());
        for (String file : archive.files()) {
            if (DatasetArchive.isImage(file) && !labelled.contains(file)) {
                throw new InvalidDatasetException(
                        "The image "
                                + quote(file)
                                + " has no line in "
                                + labels
                                + "; label every image (file,count) or leave it out.");
            }
        }
        return DatasetIndex.counting(items);
    }

    private static String root(DatasetArchive archive) {
        if (archive.has(NAME)) {
            return "";
        }
        String folder = archive.commonFolder();
        if (!folder.isEmpty() && archive.has(folder + NAME)) {
            return folder;
        }
        throw new InvalidDatasetException(
                "labels.csv is missing: a COUNTS_CSV dataset has labels.csv (lines file,count) at"
                        + " the top of the archive, beside or above its images.");
    }

    private static boolean isHeader(String text) {
        return text.replace(" ", "")
                .replace("\"", "")
                .toLowerCase(Locale.ROOT)
                .equals("file,count");
    }

    private static CountingItem parse(
            DatasetArchive archive, String root, int number, String text) {
        int comma = text.lastIndexOf(',');
        if (comma < 0) {
            throw new InvalidDatasetException(
                    at(number) + "expected file,count, got " + quote(text) + ".");
        }
        String file = unquote(text.substring(0, comma).strip());
        String count = text.substring(comma + 1).strip();
        if (file.isEmpty()) {
            throw new InvalidDatasetException(at(number) + "the file name is empty.");
        }
        if (!COUNT.matcher(count).matches() || Integer.parseInt(count) > MAX_COUNT) {
            throw new InvalidDatasetException(
                    at(number)
                            + "the count of "
                            + quote(file)
                            + " is "
                            + quote(count)
                            + ", not a whole number from 0 to "
                            + MAX_COUNT
                            + ".");
        }
        String entry = root + file;
        if (!archive.has(entry)) {
            throw new InvalidDatasetException(
                    at(number)
                            + quote(file)
                            + " is not in the archive"
                            + (root.isEmpty() ? "" : " (looked for " + quote(entry) + ")")
                            + ".");
        }
        if (!DatasetArchive.isImage(entry)) {
            throw new InvalidDatasetException(
                    at(number) + quote(file) + " is not a .jpg, .jpeg or .png image.");
        }
        return new CountingItem(entry, Integer.parseInt(count));
    }

    /** A field in double quotes as spreadsheets write it, "" standing for one quote. */
    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    private static String at(int number) {
        return NAME + " line " + number + ": ";
    }
}
