package de.kihub.services.evaluation;

/** Told after each item of an evaluation; asked before each whether to stop. */
public interface EvaluationProgress {
    void done(int items, int total);

    boolean cancelRequested();

    /** Throws {@link EvaluationCancelledException} once cancellation was requested. */
    default void checkCancelled() {
        if (cancelRequested()) {
            throw new EvaluationCancelledException();
        }
    }
}
