package de.kihub.services.deployment.record;

import java.time.Instant;
import java.util.UUID;

/**
 * What the exports need to know about the deployment a record documents.
 *
 * @param modelTitle the model's display name (German), or null
 * @param license the model's licence id, or null
 * @param revision the record revision exported (0: never written)
 * @param signedOffBy null while the revision is not signed off
 */
public record RecordSubject(
        UUID deploymentId,
        String tenant,
        String deploymentName,
        String model,
        String modelTitle,
        String version,
        String task,
        String license,
        RegisterStatus status,
        Instant activatedAt,
        Instant retiredAt,
        int revision,
        String signedOffBy,
        Instant signedOffAt) {}
