package de.kihub.services.deployment;

import de.kihub.services.deployment.record.RecordDocument;
import java.time.Instant;

/**
 * What the public transparency page shows of an ACTIVE deployment: its last signed-off record (no
 * drafts), since when it runs and when the record was signed off. Nothing else of the deployment
 * (no keys, no usage, no configuration) is in here.
 */
public record PublicRecord(
        String tenant,
        String deploymentName,
        RecordDocument document,
        Instant activeSince,
        Instant signedOffAt) {}
