package de.kihub.services.evaluation;

/** Thrown out of a running evaluation between two items when its cancellation was requested. */
final class EvaluationCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationCancelledException() {
        super("The evaluation was cancelled.", null, false, false);
    }
}
