package de.kihub.services.deployment;

import de.kihub.services.deployment.record.AiActRiskClass;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET .../record}: the record as it stands, what is still missing before a sign-off, the
 * questionnaire's answers and assessment (null while unanswered) and who changed it last. At
 * revision 0 (never written) {@code record} shows what the hub would fill in from the model card.
 */
public record RecordView(
        UUID deployment,
        String name,
        DeploymentStatus status,
        int revision,
        JsonObject record,
        List<String> missing,
        JsonObject questionnaire,
        AiActRiskClass riskClass,
        Deployment.SignOff signOff,
        String changedBy,
        Instant changedAt) {}
