package de.kihub.services.datasets;

import static de.kihub.services.datasets.DatasetArchive.quote;

import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.datasets.DatasetContent.GroundTruthBox;
import de.kihub.services.datasets.DatasetContent.MotFrame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MOT: frames plus MOTChallenge ground truth ({@code gt.txt} or {@code gt/gt.txt}; rows {@code
 * frame,id,left,top,width,height,considered,...}, frames counted from 1) and optional counting
 * lines ({@code lines.json}), at the top of the archive or of its one top-level folder. A frame's
 * number is read from its file name: {@code f0001.png}, {@code 000001.jpg}, {@code img1/000001.jpg}
 * are all frame 1. Every ground-truth frame needs an image; a frame without rows shows nobody.
 */
final class MotSequence {
    static final List<String> GROUND_TRUTH = List.of("gt.txt", "gt/gt.txt");
    static final String LINES = "lines.json";
    static final int MAX_FRAME = 10_000_000;
    private static final Pattern FRAME_NAME =
            Pattern.compile("(?:[A-Za-z]+[_-]?)?(\\d{1,8})\\.(?i:jpe?g|png)");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d{1,3})?");

    private MotSequence() {}

    static DatasetIndex read(DatasetArchive archive) throws IOException {
        String groundTruth = groundTruth(archive);
        String root = groundTruth.substring(0, groundTruth.length() - relative(groundTruth));
        Map<Integer, String> frames = frames(archive);
        Map<Integer, List<GroundTruthBox>> boxes = new HashMap<>();
        Map<Long, Integer> seen = new HashMap<>();
        archive.lines(
                groundTruth,
                (number, line) -> {
                    String text = line.strip();
                    if (text.isEmpty()) {
                        return;
                    }
                    Row row = Row.parse(groundTruth, number, text);
                    if (!frames.containsKey(row.frame())) {
                        throw new InvalidDatasetException(
                                at(groundTruth, number)
                                        + "frame "
                                        + row.frame()
                                        + " has no image; add it named like "
                                        + String.format(
                                                Locale.ROOT,
                                                "f%04d.png, %06d.jpg",
                                                row.frame(),
                                                row.frame())
                                        + " or img1/"
                                        + String.format(Locale.ROOT, "%06d.jpg", row.frame())
                                        + ".");
                    }
                    Integer first =
                            seen.putIfAbsent(
                                    ((long) row.frame() << 32) | (row.box().id() & 0xFFFF_FFFFL),
                                    number);
                    if (first != null) {
                        throw new InvalidDatasetException(
                                at(groundTruth, number)
                                        + "person "
                                        + row.box().id()
                                        + " appears twice in frame "
                                        + row.frame()
                                        + " (first on line "
                                        + first
                                        + ").");
                    }
                    boxes.computeIfAbsent(row.frame(), f -> new ArrayList<>()).add(row.box());
                });
        List<MotFrame> result = new ArrayList<>();
        frames.forEach(
                (frame, file) ->
                        result.add(
                                new MotFrame(frame, file, boxes.getOrDefault(frame, List.of()))));
        List<CountingApi.LineSpec> lines =
                archive.has(root + LINES) ? LinesJson.read(archive, root + LINES) : List.of();
        return DatasetIndex.mot(result, lines);
    }

    private static String groundTruth(DatasetArchive archive) {
        String folder = archive.commonFolder();
        List<String> found = new ArrayList<>();
        for (String prefix : folder.isEmpty() ? List.of("") : List.of("", folder)) {
            for (String name : GROUND_TRUTH) {
                if (archive.has(prefix + name)) {
                    found.add(prefix + name);
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw new InvalidDatasetException(
                    "gt.txt is missing: a MOT dataset has MOTChallenge ground truth in gt.txt or"
                            + " gt/gt.txt (rows frame,id,left,top,width,height,considered) at the"
                            + " top of the archive.");
        }
        if (found.size() > 1) {
            throw new InvalidDatasetException(
                    "The archive has both "
                            + quote(found.get(0))
                            + " and "
                            + quote(found.get(1))
                            + "; keep one ground truth.");
        }
        return found.get(0);
    }

    private static int relative(String groundTruth) {
        return groundTruth.endsWith("gt/gt.txt") ? "gt/gt.txt".length() : "gt.txt".length();
    }

    /** Frame number to image, in frame order; every image must be named as a frame. */
    private static Map<Integer, String> frames(DatasetArchive archive) {
        Map<Integer, String> frames = new TreeMap<>();
        for (String file : archive.files()) {
            if (!DatasetArchive.isImage(file)) {
                continue;
            }
            Matcher m = FRAME_NAME.matcher(DatasetArchive.fileName(file));
            int frame = m.matches() ? Integer.parseInt(m.group(1)) : 0;
            if (frame < 1 || frame > MAX_FRAME) {
                throw new InvalidDatasetException(
                        "The image "
                                + quote(file)
                                + " is not named as a frame: name frames by their number from 1,"
                                + " e.g. f0001.png, 000001.jpg or img1/000001.jpg.");
            }
            String other = frames.putIfAbsent(frame, file);
            if (other != null) {
                throw new InvalidDatasetException(
                        "The images "
                                + quote(other)
                                + " and "
                                + quote(file)
                                + " are both frame "
                                + frame
                                + "; keep one image per frame.");
            }
        }
        if (frames.isEmpty()) {
            throw new InvalidDatasetException(
                    "The archive has no frames: add the frames as .jpg or .png images named by"
                            + " their number, e.g. img1/000001.jpg.");
        }
        return frames;
    }

    static String at(String groundTruth, int number) {
        return groundTruth + " line " + number + ": ";
    }

    /** One parsed ground-truth row. */
    record Row(int frame, GroundTruthBox box) {
        static Row parse(String file, int number, String text) {
            String[] f = text.split(",", -1);
            if (f.length < 7) {
                throw new InvalidDatasetException(
                        at(file, number)
                                + "expected at least 7 values"
                                + " frame,id,left,top,width,height,considered, got "
                                + f.length
                                + " in "
                                + quote(text)
                                + ".");
            }
            int frame = integer(file, number, f[0], "frame");
            if (frame < 1 || frame > MAX_FRAME) {
                throw new InvalidDatasetException(
                        at(file, number)
                                + "frame "
                                + frame
                                + " is out of range; MOTChallenge frames count from 1.");
            }
            int id = integer(file, number, f[1], "id");
            double left = decimal(file, number, f[2], "left");
            double top = decimal(file, number, f[3], "top");
            double width = decimal(file, number, f[4], "width");
            double height = decimal(file, number, f[5], "height");
            double considered = decimal(file, number, f[6], "considered");
            if (width <= 0 || height <= 0) {
                throw new InvalidDatasetException(
                        at(file, number)
                                + "the box of person "
                                + id
                                + " is "
                                + f[4].strip()
                                + "x"
                                + f[5].strip()
                                + "; width and height must be greater than 0.");
            }
            if (considered != 0 && considered != 1) {
                throw new InvalidDatasetException(
                        at(file, number)
                                + "considered is "
                                + quote(f[6].strip())
                                + "; it is 1 (counted) or 0 (ignored).");
            }
            return new Row(
                    frame, new GroundTruthBox(id, left, top, width, height, considered == 1));
        }

        private static int integer(String file, int number, String value, String column) {
            String v = value.strip();
            if (!INTEGER.matcher(v).matches()) {
                throw notNumber(file, number, value, column, "a whole number");
            }
            return Integer.parseInt(v);
        }

        private static double decimal(String file, int number, String value, String column) {
            String v = value.strip();
            if (!DECIMAL.matcher(v).matches()) {
                throw notNumber(file, number, value, column, "a number");
            }
            return Double.parseDouble(v);
        }

        private static InvalidDatasetException notNumber(
                String file, int number, String value, String column, String what) {
            return new InvalidDatasetException(
                    at(file, number)
                            + column
                            + " is "
                            + quote(value.strip())
                            + ", not "
                            + what
                            + ".");
        }
    }
}
