package de.kihub.services.deployment.record;

/** A deployment's status as the algorithm registers know it. */
public enum RegisterStatus {
    /** documented, not yet running (Algoritmeregister "In ontwikkeling", ATRS "Pre-deployment") */
    IN_DEVELOPMENT("In ontwikkeling", "Pre-deployment"),
    /** running or paused ("In gebruik", "Production") */
    IN_USE("In gebruik", "Production"),
    /** retired ("Buiten gebruik", "Retired") */
    OUT_OF_USE("Buiten gebruik", "Retired");

    private final String algoritmeregister;
    private final String atrsPhase;

    RegisterStatus(String algoritmeregister, String atrsPhase) {
        this.algoritmeregister = algoritmeregister;
        this.atrsPhase = atrsPhase;
    }

    public String algoritmeregister() {
        return algoritmeregister;
    }

    public String atrsPhase() {
        return atrsPhase;
    }
}
