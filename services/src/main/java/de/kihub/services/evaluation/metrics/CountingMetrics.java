package de.kihub.services.evaluation.metrics;

/**
 * Errors of predicted counts against true counts, one pair per item (image or frame).
 *
 * <p>MAE is the mean absolute error, RMSE the root mean squared error, mean bias the mean of {@code
 * predicted - true} (negative: the model counts too few). MAPE, in percent, is the mean of {@code
 * |predicted - true| / true} over the items whose true count is above 0 only, because the ratio is
 * undefined for empty images; {@code mapeItems} says over how many items it was taken, and it is
 * null when there were none.
 */
public final class CountingMetrics {
    private int items;
    private long sumTrue;
    private long sumPredicted;
    private double sumAbsolute;
    private double sumSquared;
    private double sumPercent;
    private int percentItems;

    /** One item: what the model counted and what is true. */
    public void add(int predicted, int truth) {
        if (predicted < 0 || truth < 0) {
            throw new IllegalArgumentException(
                    "Counts are 0 or more, got " + predicted + " and " + truth);
        }
        int error = predicted - truth;
        items++;
        sumTrue += truth;
        sumPredicted += predicted;
        sumAbsolute += Math.abs(error);
        sumSquared += (double) error * error;
        if (truth > 0) {
            sumPercent += 100.0 * Math.abs(error) / truth;
            percentItems++;
        }
    }

    public int items() {
        return items;
    }

    /** The metrics over the items so far; every mean is 0 while there are none. */
    public Result result() {
        if (items == 0) {
            return new Result(0, 0, 0, 0, 0, 0, null, 0);
        }
        double n = items;
        return new Result(
                items,
                sumTrue / n,
                sumPredicted / n,
                sumAbsolute / n,
                Math.sqrt(sumSquared / n),
                (sumPredicted - sumTrue) / n,
                percentItems == 0 ? null : sumPercent / percentItems,
                percentItems);
    }

    /**
     * @param items compared items
     * @param meanTrue mean true count per item
     * @param meanPredicted mean predicted count per item
     * @param mae mean absolute error
     * @param rmse root mean squared error
     * @param meanBias mean of predicted minus true
     * @param mape mean absolute percentage error over items with a true count above 0, or null
     * @param mapeItems the items MAPE was taken over
     */
    public record Result(
            int items,
            double meanTrue,
            double meanPredicted,
            double mae,
            double rmse,
            double meanBias,
            Double mape,
            int mapeItems) {}
}
