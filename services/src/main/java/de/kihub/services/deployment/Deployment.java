package de.kihub.services.deployment;

import de.kihub.services.deployment.record.AiActRiskClass;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A deployment as the API shows it. {@code record} is the deployment record's JSON (see {@link
 * de.kihub.services.deployment.record.DeploymentRecord}); {@code signOff} is null while the record
 * is not signed; {@code riskClass} is null until the EU AI Act questionnaire is answered.
 */
public record Deployment(
        UUID id,
        String tenant,
        String name,
        String model,
        String version,
        String previousVersion,
        String task,
        DeploymentStatus status,
        JsonObject configuration,
        JsonObject record,
        int recordRevision,
        SignOff signOff,
        AiActRiskClass riskClass,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant activatedAt,
        Instant retiredAt) {

    /** The data-protection officer's sign-off of the record. */
    public record SignOff(String by, Instant at, String comment) {}
}
