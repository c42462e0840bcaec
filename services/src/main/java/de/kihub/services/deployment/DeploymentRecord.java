package de.kihub.services.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The deployment's record as far as activation needs it: why it runs, on which legal basis, and
 * whom citizens can ask. The documentation module extends it.
 */
public record DeploymentRecord(String purpose, String legalBasis, String contact) {
    public static final DeploymentRecord EMPTY = new DeploymentRecord(null, null, null);

    /** The fields still missing before a sign-off is possible (empty when complete). */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (purpose == null) {
            missing.add("purpose");
        }
        if (legalBasis == null) {
            missing.add("legalBasis");
        }
        if (contact == null) {
            missing.add("contact");
        }
        return missing;
    }

    public boolean complete() {
        return missing().isEmpty();
    }
}
