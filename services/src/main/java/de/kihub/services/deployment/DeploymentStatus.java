package de.kihub.services.deployment;

import de.kihub.registry.error.ConflictException;
import java.util.Set;

/**
 * A deployment's lifecycle. PENDING_DOCUMENTATION and READY follow the record: READY once it is
 * complete and signed off by the tenant's data-protection officer.
 */
public enum DeploymentStatus {
    PENDING_DOCUMENTATION,
    READY,
    ACTIVE,
    PAUSED,
    RETIRED;

    /** The state after activation, or ConflictException naming what is allowed. */
    DeploymentStatus activate() {
        return require(Set.of(READY, PAUSED), "activated", ACTIVE);
    }

    DeploymentStatus pause() {
        return require(Set.of(ACTIVE), "paused", PAUSED);
    }

    DeploymentStatus retire() {
        return require(Set.of(PENDING_DOCUMENTATION, READY, ACTIVE, PAUSED), "retired", RETIRED);
    }

    /** Before activation the status shows whether the record is complete and signed off. */
    DeploymentStatus afterRecordChange(boolean signedOff) {
        if (this == PENDING_DOCUMENTATION || this == READY) {
            return signedOff ? READY : PENDING_DOCUMENTATION;
        }
        return this;
    }

    private DeploymentStatus require(Set<DeploymentStatus> from, String verb, DeploymentStatus to) {
        if (!from.contains(this)) {
            if (this == PENDING_DOCUMENTATION && to == ACTIVE) {
                throw new ConflictException(
                        "The deployment cannot be activated yet: its record must be complete and"
                                + " signed off by a data-protection officer of the tenant.");
            }
            throw new ConflictException(
                    "A deployment in state " + this + " cannot be " + verb + ".");
        }
        return to;
    }
}
