package de.kihub.services.deployment;

import de.kihub.services.deployment.record.AiActRiskClass;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One revision of a deployment's record and questionnaire: what changed (RECORD or QUESTIONNAIRE),
 * who changed it when, and the sign-off if one was given for it. The history lists revisions
 * without {@code record} and {@code questionnaire}; a single revision has both.
 */
public record RecordRevision(
        int revision,
        String change,
        String author,
        Instant at,
        AiActRiskClass riskClass,
        Deployment.SignOff signOff,
        JsonObject record,
        JsonObject questionnaire) {}
