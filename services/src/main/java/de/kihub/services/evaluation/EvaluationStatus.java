package de.kihub.services.evaluation;

/** Where an evaluation job is. The last three are final. */
public enum EvaluationStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
