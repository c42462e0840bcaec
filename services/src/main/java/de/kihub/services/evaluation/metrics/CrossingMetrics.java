package de.kihub.services.evaluation.metrics;

import de.kihub.services.counting.LineCrossings;
import java.util.ArrayList;
import java.util.List;

/**
 * Line crossings counted by the hub's tracker against the crossings of the annotated tracks, per
 * line and direction. {@code meanAbsoluteError} is the mean of {@code |counted - true|} over all
 * lines and both directions.
 */
public final class CrossingMetrics {
    private CrossingMetrics() {}

    /**
     * @param counted the tracker's totals per line
     * @param truth the true totals, same lines in the same order
     */
    public static Result of(List<LineCrossings> counted, List<LineCrossings> truth) {
        if (counted.size() != truth.size()) {
            throw new IllegalArgumentException(
                    counted.size() + " counted lines but " + truth.size() + " true ones");
        }
        List<Entry> entries = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < counted.size(); i++) {
            LineCrossings c = counted.get(i);
            LineCrossings t = truth.get(i);
            if (!c.line().equals(t.line())) {
                throw new IllegalArgumentException(
                        "Line " + i + " is '" + c.line() + "' counted but '" + t.line() + "' true");
            }
            entries.add(new Entry(c.line(), "in", c.in(), t.in(), c.in() - t.in()));
            entries.add(new Entry(c.line(), "out", c.out(), t.out(), c.out() - t.out()));
            sum += Math.abs(c.in() - t.in()) + Math.abs(c.out() - t.out());
        }
        return new Result(entries, entries.isEmpty() ? null : sum / entries.size());
    }

    /** One line in one direction: what was counted, what is true, and counted minus true. */
    public record Entry(String line, String direction, int counted, int truth, int error) {}

    /** Every line and direction, and the mean absolute error (null without lines). */
    public record Result(List<Entry> lines, Double meanAbsoluteError) {}
}
