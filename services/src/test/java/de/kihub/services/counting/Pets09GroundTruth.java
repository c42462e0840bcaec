package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MOTChallenge ground truth of PETS09-S2L1 frames 1-400 and what the counting tests derive from
 * it: per-frame person counts and line crossings of the annotated tracks.
 */
public final class Pets09GroundTruth {
    public static final String FILE = "pets09-s2l1/gt-frames-0001-0400.txt";
    static final int FRAMES = Pets09Frames.COUNT;

    private static final Instant START = Instant.parse("2009-01-01T12:00:00Z");
    private static final Duration FRAME_TIME = Duration.ofMillis(1000 / 7);

    /** A vertical line through the middle of the scene and a horizontal one below it. */
    public static final List<CountingLine> LINES =
            List.of(
                    new CountingLine("x=400", new Point(400, 0), new Point(400, 576)),
                    new CountingLine("y=300", new Point(0, 300), new Point(768, 300)));

    /** One annotated box; {@code id} is the person's track. */
    public record Annotation(int frame, int id, Box box) {}

    private Pets09GroundTruth() {}

    /**
     * The annotation in frame order: {@code frame,id,left,top,width,height,considered,...}.
     *
     * @param consideredOnly keep only boxes marked {@code considered = 1}; the others are people
     *     far away or outside the annotated area
     */
    public static List<Annotation> read(boolean consideredOnly) {
        Path file = SharedTestData.file(FILE);
        List<String> rows;
        try {
            rows = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Annotation> annotations = new ArrayList<>();
        for (String row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",");
            if (consideredOnly && !f[6].trim().equals("1")) {
                continue;
            }
            annotations.add(
                    new Annotation(
                            Integer.parseInt(f[0].trim()),
                            Integer.parseInt(f[1].trim()),
                            new Box(
                                    Double.parseDouble(f[2]),
                                    Double.parseDouble(f[3]),
                                    Double.parseDouble(f[4]),
                                    Double.parseDouble(f[5]))));
        }
        annotations.sort((a, b) -> Integer.compare(a.frame(), b.frame()));
        if (annotations.isEmpty() || annotations.get(annotations.size() - 1).frame() != FRAMES) {
            fail("Expected annotations up to frame " + FRAMES + " in " + file);
        }
        return annotations;
    }

    /** People per frame, for frames 1 ... {@link #FRAMES}: index 0 is frame 1. */
    static int[] countsPerFrame(List<Annotation> annotations) {
        int[] counts = new int[FRAMES];
        for (Annotation a : annotations) {
            counts[a.frame() - 1]++;
        }
        return counts;
    }

    /** The boxes of each frame as detections with score 1, frames without boxes left out. */
    static Map<Integer, List<Detection>> detectionsByFrame(List<Annotation> annotations) {
        Map<Integer, List<Detection>> byFrame = new TreeMap<>();
        for (Annotation a : annotations) {
            byFrame.computeIfAbsent(a.frame(), f -> new ArrayList<>())
                    .add(new Detection(a.box(), 1f));
        }
        return byFrame;
    }

    /** Crossings straight from the annotated tracks, as {@link AnnotatedCrossings} defines them. */
    static LineCrossings crossings(CountingLine line, List<Annotation> annotations) {
        AnnotatedCrossings crossings = new AnnotatedCrossings(List.of(line));
        annotations.forEach(a -> crossings.add(a.id(), a.box()));
        return crossings.totals().get(0);
    }

    /** The crossings of every line in {@link #LINES}, in that order. */
    static List<LineCrossings> crossings(List<Annotation> annotations) {
        return LINES.stream().map(l -> crossings(l, annotations)).toList();
    }

    /**
     * Feeds each frame's detections, at the video's 7 fps, through a default session counting
     * {@link #LINES}, and returns its totals per line.
     */
    static List<LineCrossings> countedBySession(Map<Integer, List<Detection>> byFrame) {
        return countedBySession(byFrame, CountingSettings.defaults());
    }

    /** As {@link #countedBySession(Map)}, with other settings. */
    static List<LineCrossings> countedBySession(
            Map<Integer, List<Detection>> byFrame, CountingSettings settings) {
        CountingSession session = new CountingSession(LINES, List.of(), settings);
        FrameResult last = null;
        for (int frame = 1; frame <= FRAMES; frame++) {
            last =
                    session.accept(
                            byFrame.getOrDefault(frame, List.of()),
                            START.plus(FRAME_TIME.multipliedBy(frame)));
        }
        return last.totals();
    }
}
