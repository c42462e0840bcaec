package de.kihub.services.counting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression: a detector reports one person from several neighbouring cells, so
 * walking the boxes from the highest score down, a box is dropped when it overlaps an already kept
 * one by more than the IoU threshold.
 */
final class NonMaximumSuppression {
    private NonMaximumSuppression() {}

    static List<Detection> apply(List<Detection> detections, double iouThreshold) {
        List<Detection> byScore = new ArrayList<>(detections);
        // the sort is stable, so equal scores keep the decoder's order and the result is repeatable
        byScore.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : byScore) {
            if (kept.stream().allMatch(k -> k.box().iou(candidate.box()) <= iouThreshold)) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
