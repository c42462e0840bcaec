package de.kihub.services.evaluation;

import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.counting.AnnotatedCrossings;
import de.kihub.services.counting.Box;
import de.kihub.services.counting.CountingLine;
import de.kihub.services.counting.CountingSession;
import de.kihub.services.counting.CountingSettings;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.LineCrossings;
import de.kihub.services.counting.live.CountingConfiguration;
import de.kihub.services.datasets.DatasetContent;
import de.kihub.services.evaluation.metrics.CountingMetrics;
import de.kihub.services.evaluation.metrics.CrossingMetrics;
import de.kihub.services.evaluation.metrics.DetectionMetrics;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Evaluates a person detector on one dataset, item by item; plain Java, the detector is a function.
 *
 * <ul>
 *   <li>COUNTS_CSV: the count of each image against labels.csv (counting metrics).
 *   <li>MOT: per frame, the count against all annotated boxes of the frame (whether MOT "considers"
 *       them or not), the boxes against the annotated boxes (detection metrics), and, when there
 *       are lines (the configuration's, else the dataset's lines.json), the crossings that the
 *       hub's tracker counts with a camera session's defaults, fed frame by frame in frame order,
 *       against the crossings of the annotated tracks ({@link AnnotatedCrossings}).
 * </ul>
 *
 * With a region of interest, annotated boxes whose foot point lies outside it are left out of the
 * truth as the detector's are. Each frame is detected once at {@link #AP_SCORE_FLOOR} (or the
 * threshold, if lower): every detection ranks for AP, and those at or above the threshold are the
 * model's answer, exactly the boxes a run at the threshold gives (greedy suppression lets a box be
 * removed only by a higher-scoring one).
 */
public final class PeopleCountingEvaluation {
    /** The lowest score ranked for AP@0.5. */
    public static final float AP_SCORE_FLOOR = 0.05f;

    /** The video rate the capture times of a MOT sequence are made up with; only order matters. */
    private static final Duration FRAME_TIME = Duration.ofMillis(1000 / 7);

    /** Finds people in one decoded image. */
    @FunctionalInterface
    public interface Detector {
        List<Detection> detect(BufferedImage image, DetectionSettings settings);
    }

    private final Detector detector;
    private final Executor prefetch;

    /** Reads and decodes each image on the calling thread. */
    public PeopleCountingEvaluation(Detector detector) {
        this(detector, Runnable::run);
    }

    /**
     * @param prefetch reads and decodes the next image while the current one is being detected (a
     *     container's managed executor); one image at a time, so the content is never read by two
     *     threads at once
     */
    public PeopleCountingEvaluation(Detector detector, Executor prefetch) {
        this.detector = detector;
        this.prefetch = prefetch;
    }

    /**
     * Runs the evaluation.
     *
     * @throws EvaluationCancelledException between two items once cancellation was requested
     * @throws InvalidRequestException an image of the dataset cannot be read (its name is said)
     */
    public EvaluationMetrics run(
            DatasetContent content,
            CountingEvaluationConfiguration config,
            EvaluationProgress progress) {
        if (content.format() == DatasetFormat.COUNTS_CSV) {
            return counts(content, config, progress);
        }
        if (content.format() == DatasetFormat.MOT) {
            return mot(content, config, progress);
        }
        throw new InvalidRequestException(
                "A people counter is not evaluated on " + content.format() + " datasets.");
    }

    private EvaluationMetrics counts(
            DatasetContent content,
            CountingEvaluationConfiguration config,
            EvaluationProgress progress) {
        List<DatasetContent.CountingItem> items = content.countingItems();
        DatasetImages next =
                new DatasetImages(content, items.stream().map(i -> i.file()).toList(), prefetch);
        CountingMetrics counting = new CountingMetrics();
        int done = 0;
        for (DatasetContent.CountingItem item : items) {
            progress.checkCancelled();
            List<Detection> found = detector.detect(next.take(), config.detection());
            counting.add(found.size(), item.count());
            progress.done(++done, items.size());
        }
        CountingMetrics.Result c = counting.result();
        return new EvaluationMetrics(c.items(), summary(c, null, null), c, null, null, null, null);
    }

    private EvaluationMetrics mot(
            DatasetContent content,
            CountingEvaluationConfiguration config,
            EvaluationProgress progress) {
        DetectionSettings answer = config.detection();
        DetectionSettings ranked =
                new DetectionSettings(
                        Math.min(AP_SCORE_FLOOR, answer.scoreThreshold()),
                        answer.nmsIou(),
                        answer.minBoxSize(),
                        answer.roi());
        List<CountingLine> lines =
                config.lines() != null
                        ? config.lines()
                        : CountingConfiguration.checkLines(content.lines());
        String linesFrom =
                lines.isEmpty() ? null : config.lines() != null ? "configuration" : "dataset";
        CountingSession session =
                lines.isEmpty()
                        ? null
                        : new CountingSession(lines, List.of(), CountingSettings.defaults());
        AnnotatedCrossings truthCrossings = new AnnotatedCrossings(lines);
        CountingMetrics counting = new CountingMetrics();
        DetectionMetrics detection = new DetectionMetrics(answer.scoreThreshold());
        List<DatasetContent.MotFrame> frames = new ArrayList<>(content.motFrames());
        frames.sort(Comparator.comparingInt(DatasetContent.MotFrame::frame));
        List<LineCrossings> counted = List.of();
        DatasetImages next =
                new DatasetImages(content, frames.stream().map(f -> f.file()).toList(), prefetch);
        int done = 0;
        for (DatasetContent.MotFrame frame : frames) {
            progress.checkCancelled();
            List<Detection> all = detector.detect(next.take(), ranked);
            List<Detection> found =
                    all.stream().filter(d -> d.score() >= answer.scoreThreshold()).toList();
            List<DatasetContent.GroundTruthBox> truth =
                    frame.boxes().stream().filter(b -> answer.inRegion(box(b))).toList();
            counting.add(found.size(), truth.size());
            detection.add(all, truth.stream().map(PeopleCountingEvaluation::box).toList());
            if (session != null) {
                counted =
                        session.accept(found, Instant.EPOCH.plus(FRAME_TIME.multipliedBy(done)))
                                .totals();
                session.takeFinishedIntervals();
                truth.forEach(b -> truthCrossings.add(b.id(), box(b)));
            }
            progress.done(++done, frames.size());
        }
        CountingMetrics.Result c = counting.result();
        DetectionMetrics.Result d = detection.result();
        CrossingMetrics.Result x =
                session == null
                        ? null
                        : CrossingMetrics.of(
                                counted.isEmpty() ? zero(lines) : counted, truthCrossings.totals());
        return new EvaluationMetrics(c.items(), summary(c, d, x), c, d, x, linesFrom, null);
    }

    private static List<LineCrossings> zero(List<CountingLine> lines) {
        return lines.stream().map(l -> new LineCrossings(l.name(), 0, 0)).toList();
    }

    private static Map<String, Double> summary(
            CountingMetrics.Result c, DetectionMetrics.Result d, CrossingMetrics.Result x) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put(LeaderboardMetric.MAE.key(), c.mae());
        s.put(LeaderboardMetric.RMSE.key(), c.rmse());
        s.put(LeaderboardMetric.MEAN_BIAS.key(), c.meanBias());
        put(s, LeaderboardMetric.MAPE, c.mape());
        if (d != null) {
            put(s, LeaderboardMetric.PRECISION, d.precision());
            put(s, LeaderboardMetric.RECALL, d.recall());
            put(s, LeaderboardMetric.AP50, d.ap50());
        }
        if (x != null) {
            put(s, LeaderboardMetric.CROSSING_MAE, x.meanAbsoluteError());
        }
        return s;
    }

    private static void put(Map<String, Double> summary, LeaderboardMetric metric, Double value) {
        if (value != null) {
            summary.put(metric.key(), value);
        }
    }

    private static Box box(DatasetContent.GroundTruthBox b) {
        return new Box(b.left(), b.top(), b.width(), b.height());
    }
}
