package de.kihub.services.deployment;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A deployment as the API shows it. {@code signOff} is null while the record is not signed. */
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
        DeploymentRecord record,
        SignOff signOff,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant activatedAt,
        Instant retiredAt) {

    /** The data-protection officer's sign-off of the record. */
    public record SignOff(String by, Instant at, String comment) {}
}
