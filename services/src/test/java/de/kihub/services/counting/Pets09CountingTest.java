package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts line crossings on real video: the PETS09-S2L1 ground-truth boxes of frames 1-400, without
 * their ids, go through the tracker and the line counters, and the result is compared with the
 * crossings of the annotated tracks themselves. This checks tracking and counting apart from the
 * detector.
 */
class Pets09CountingTest {
    private static final Path DATA =
            Path.of(System.getProperty("kihub.test.data", "../../shared/data"));
    private static final Path GROUND_TRUTH =
            DATA.resolve("pets09-s2l1").resolve("gt-frames-0001-0400.txt");
    private static final int FRAMES = 400;
    private static final Instant START = Instant.parse("2009-01-01T12:00:00Z");
    private static final Duration FRAME_TIME = Duration.ofMillis(1000 / 7);

    private static final List<CountingLine> LINES =
            List.of(
                    new CountingLine("x=400", new Point(400, 0), new Point(400, 576)),
                    new CountingLine("y=300", new Point(0, 300), new Point(768, 300)));

    @ParameterizedTest(name = "considered boxes only: {0}")
    @ValueSource(booleans = {true, false})
    void countsTheSameCrossingsAsTheAnnotatedTracks(boolean consideredOnly) throws IOException {
        List<Annotation> annotations = read(consideredOnly);

        List<LineCrossings> expected = LINES.stream().map(l -> crossings(l, annotations)).toList();
        List<LineCrossings> counted = count(annotations);

        for (int i = 0; i < LINES.size(); i++) {
            LineCrossings e = expected.get(i);
            LineCrossings c = counted.get(i);
            System.out.printf(
                    "PETS09-S2L1 frames 1-%d, %s, line %s: ground truth in %d out %d,"
                            + " tracker in %d out %d%n",
                    FRAMES,
                    consideredOnly ? "considered boxes" : "all boxes",
                    e.line(),
                    e.in(),
                    e.out(),
                    c.in(),
                    c.out());
            assertTrue(e.in() > 0 && e.out() > 0, "people cross " + e.line() + " both ways");
            assertTrue(Math.abs(e.in() - c.in()) <= 1, "in across " + e.line() + ": " + c);
            assertTrue(Math.abs(e.out() - c.out()) <= 1, "out across " + e.line() + ": " + c);
        }
    }

    /**
     * A detector is less steady than an annotator: each box is dropped with probability 0.1 and
     * each of its coordinates moved by Gaussian noise of 3 px, ten times with fixed seeds. Some
     * noisy runs lose a borderline crossing (people who appear a few pixels from a line and walk
     * away from it), so this asserts the mean error, and a bound on the worst.
     */
    @Test
    void staysCloseWithMissedDetectionsAndJitteredBoxes() throws IOException {
        List<Annotation> annotations = read(true);
        List<LineCrossings> expected = LINES.stream().map(l -> crossings(l, annotations)).toList();
        int runs = 10;
        int sumError = 0;
        int worst = 0;
        for (long seed = 1; seed <= runs; seed++) {
            List<LineCrossings> counted = count(disturbed(annotations, new Random(seed)));
            for (int i = 0; i < LINES.size(); i++) {
                int in = Math.abs(counted.get(i).in() - expected.get(i).in());
                int out = Math.abs(counted.get(i).out() - expected.get(i).out());
                sumError += in + out;
                worst = Math.max(worst, Math.max(in, out));
            }
        }
        double meanError = sumError / (double) (runs * LINES.size() * 2);
        System.out.printf(
                "PETS09-S2L1 with 10%% of boxes dropped and 3 px jitter, %d runs: mean error %.2f"
                        + " crossings per line and direction, worst %d%n",
                runs, meanError, worst);
        assertTrue(meanError <= 0.3, "mean error " + meanError);
        assertTrue(worst <= 2, "worst error " + worst);
    }

    private static List<Annotation> disturbed(List<Annotation> annotations, Random random) {
        List<Annotation> out = new ArrayList<>();
        for (Annotation a : annotations) {
            if (random.nextDouble() < 0.1) {
                continue;
            }
            Box b = a.box;
            out.add(
                    new Annotation(
                            a.frame,
                            a.id,
                            new Box(
                                    b.x() + 3 * random.nextGaussian(),
                                    b.y() + 3 * random.nextGaussian(),
                                    Math.max(1, b.w() + 3 * random.nextGaussian()),
                                    Math.max(1, b.h() + 3 * random.nextGaussian()))));
        }
        return out;
    }

    /** Feeds the boxes frame by frame, at the video's 7 fps, through a default session. */
    private static List<LineCrossings> count(List<Annotation> annotations) {
        Map<Integer, List<Detection>> byFrame = new TreeMap<>();
        for (Annotation a : annotations) {
            byFrame.computeIfAbsent(a.frame, f -> new ArrayList<>()).add(new Detection(a.box, 1f));
        }
        CountingSession session =
                new CountingSession(LINES, List.of(), CountingSettings.defaults());
        FrameResult last = null;
        for (int frame = 1; frame <= FRAMES; frame++) {
            last =
                    session.accept(
                            byFrame.getOrDefault(frame, List.of()),
                            START.plus(FRAME_TIME.multipliedBy(frame)));
        }
        return last.totals();
    }

    /**
     * Crossings straight from the annotation: per person, a change of the foot point's side between
     * two consecutive appearances; a foot point exactly on the line has no side.
     */
    private static LineCrossings crossings(CountingLine line, List<Annotation> annotations) {
        Map<Integer, Integer> lastSide = new TreeMap<>();
        int in = 0;
        int out = 0;
        for (Annotation a : annotations) {
            int side = (int) Math.signum(line.signedDistance(a.box.footPoint()));
            if (side == 0) {
                continue;
            }
            Integer before = lastSide.put(a.id, side);
            if (before != null && before != side) {
                if (side > 0) {
                    in++;
                } else {
                    out++;
                }
            }
        }
        return new LineCrossings(line.name(), in, out);
    }

    /** The annotation in frame order: {@code frame,id,left,top,width,height,considered,...}. */
    private static List<Annotation> read(boolean consideredOnly) throws IOException {
        if (!Files.isRegularFile(GROUND_TRUTH)) {
            fail(
                    "The PETS09-S2L1 ground truth is missing: "
                            + GROUND_TRUTH.toAbsolutePath().normalize()
                            + ". Point -Dkihub.test.data at the shared test data directory"
                            + " (see shared/data/README.md).");
        }
        List<Annotation> annotations = new ArrayList<>();
        for (String row : Files.readAllLines(GROUND_TRUTH, StandardCharsets.UTF_8)) {
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
        annotations.sort((a, b) -> Integer.compare(a.frame, b.frame));
        if (annotations.isEmpty() || annotations.get(annotations.size() - 1).frame != FRAMES) {
            fail("Expected annotations up to frame " + FRAMES + " in " + GROUND_TRUTH);
        }
        return annotations;
    }

    private record Annotation(int frame, int id, Box box) {}
}
