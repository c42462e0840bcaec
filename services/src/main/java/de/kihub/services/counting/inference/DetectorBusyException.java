package de.kihub.services.counting.inference;

/** All predictors stayed busy for the whole wait: the caller should retry later (HTTP 503). */
public class DetectorBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DetectorBusyException(long waitMillis) {
        super(
                "The people counter is busy (no free worker within "
                        + waitMillis
                        + " ms); retry shortly.");
    }
}
