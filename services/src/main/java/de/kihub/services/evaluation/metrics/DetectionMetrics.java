package de.kihub.services.evaluation.metrics;

import de.kihub.services.counting.Box;
import de.kihub.services.counting.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Person detection quality against annotated boxes: precision and recall at the model's score
 * threshold, and average precision at an intersection over union of 0.5 (AP@0.5).
 *
 * <p>Matching, per image: detections are taken from the highest score down; each is a true positive
 * if it overlaps a not yet matched annotated box by an IoU of at least 0.5 (the one it overlaps
 * most), else a false positive. Every annotated box the caller passes counts as a person to be
 * found (the hub passes all boxes of a frame, as for counting). Since matching goes by score, the
 * detections at or above the threshold are matched exactly as if the lower ones did not exist, so
 * precision and recall at the threshold come from the same pass.
 *
 * <p>AP is the area under the precision-recall curve of all detections the caller passes (ranked by
 * score over all images), with all-point interpolation: precision at each recall is the highest
 * precision at that recall or beyond (PASCAL VOC 2010 and later). It is null without any annotated
 * box.
 */
public final class DetectionMetrics {
    public static final double IOU = 0.5;

    private final float scoreThreshold;
    private final List<Ranked> ranked = new ArrayList<>();
    private int truths;
    private int images;

    /**
     * @param scoreThreshold the score from which a detection is the model's answer
     */
    public DetectionMetrics(float scoreThreshold) {
        this.scoreThreshold = scoreThreshold;
    }

    /** One image: the model's detections (any order) and the annotated boxes. */
    public void add(List<Detection> detections, List<Box> truth) {
        images++;
        truths += truth.size();
        boolean[] matched = new boolean[truth.size()];
        List<Detection> byScore =
                detections.stream()
                        .sorted(Comparator.comparingDouble(Detection::score).reversed())
                        .toList();
        for (Detection d : byScore) {
            int best = -1;
            double bestIou = IOU;
            for (int i = 0; i < truth.size(); i++) {
                double iou = matched[i] ? 0 : d.box().iou(truth.get(i));
                if (iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                matched[best] = true;
            }
            ranked.add(new Ranked(d.score(), best >= 0));
        }
    }

    public Result result() {
        int tp = 0;
        int fp = 0;
        for (Ranked r : ranked) {
            if (r.score >= scoreThreshold) {
                if (r.truePositive) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return new Result(
                images,
                IOU,
                scoreThreshold,
                truths,
                tp + fp,
                tp,
                fp,
                truths - tp,
                tp + fp == 0 ? null : tp / (double) (tp + fp),
                truths == 0 ? null : tp / (double) truths,
                averagePrecision(),
                ranked.size(),
                ranked.stream().map(Ranked::score).min(Float::compare).orElse(null));
    }

    private Double averagePrecision() {
        if (truths == 0) {
            return null;
        }
        List<Ranked> order =
                ranked.stream()
                        .sorted(Comparator.comparingDouble(Ranked::score).reversed())
                        .toList();
        int n = order.size();
        double[] precision = new double[n];
        double[] recall = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            if (order.get(i).truePositive) {
                tp++;
            }
            precision[i] = tp / (double) (i + 1);
            recall[i] = tp / (double) truths;
        }
        // the envelope: the best precision at this recall or any higher one
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double ap = 0;
        double previousRecall = 0;
        for (int i = 0; i < n; i++) {
            ap += (recall[i] - previousRecall) * precision[i];
            previousRecall = recall[i];
        }
        return ap;
    }

    private record Ranked(float score, boolean truePositive) {}

    /**
     * @param images compared images
     * @param iou the overlap a match needs
     * @param scoreThreshold the threshold of precision, recall and the counts below
     * @param groundTruth annotated boxes
     * @param detections detections at or above the threshold
     * @param truePositives of those, matched to an annotated box
     * @param falsePositives of those, unmatched
     * @param falseNegatives annotated boxes no detection at or above the threshold matched
     * @param precision true positives / detections, null without detections
     * @param recall true positives / annotated boxes, null without annotated boxes
     * @param ap50 average precision at IoU 0.5 over all ranked detections, null without annotated
     *     boxes
     * @param rankedDetections detections the AP was computed over (also those below the threshold)
     * @param lowestRankedScore the lowest score among them, null without any
     */
    public record Result(
            int images,
            double iou,
            float scoreThreshold,
            int groundTruth,
            int detections,
            int truePositives,
            int falsePositives,
            int falseNegatives,
            Double precision,
            Double recall,
            Double ap50,
            int rankedDetections,
            Float lowestRankedScore) {}
}
