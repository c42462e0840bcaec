package de.kihub.services.counting;

import static de.kihub.services.counting.Pets09GroundTruth.LINES;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.counting.Pets09GroundTruth.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @ParameterizedTest(name = "considered boxes only: {0}")
    @ValueSource(booleans = {true, false})
    void countsTheSameCrossingsAsTheAnnotatedTracks(boolean consideredOnly) {
        List<Annotation> annotations = Pets09GroundTruth.read(consideredOnly);

        List<LineCrossings> expected = Pets09GroundTruth.crossings(annotations);
        List<LineCrossings> counted = count(annotations);

        for (int i = 0; i < LINES.size(); i++) {
            LineCrossings e = expected.get(i);
            LineCrossings c = counted.get(i);
            System.out.printf(
                    "PETS09-S2L1 frames 1-%d, %s, line %s: ground truth in %d out %d,"
                            + " tracker in %d out %d%n",
                    Pets09GroundTruth.FRAMES,
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
    void staysCloseWithMissedDetectionsAndJitteredBoxes() {
        List<Annotation> annotations = Pets09GroundTruth.read(true);
        List<LineCrossings> expected = Pets09GroundTruth.crossings(annotations);
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
            Box b = a.box();
            out.add(
                    new Annotation(
                            a.frame(),
                            a.id(),
                            new Box(
                                    b.x() + 3 * random.nextGaussian(),
                                    b.y() + 3 * random.nextGaussian(),
                                    Math.max(1, b.w() + 3 * random.nextGaussian()),
                                    Math.max(1, b.h() + 3 * random.nextGaussian()))));
        }
        return out;
    }

    /** The boxes without their ids, through a default session. */
    private static List<LineCrossings> count(List<Annotation> annotations) {
        return Pets09GroundTruth.countedBySession(Pets09GroundTruth.detectionsByFrame(annotations));
    }
}
