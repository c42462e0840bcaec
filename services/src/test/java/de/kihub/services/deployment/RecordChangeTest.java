package de.kihub.services.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.deployment.record.AiActQuestion;
import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.AiActRiskClass;
import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.RecordField;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a change of record or questionnaire does to the sign-off and the status. */
class RecordChangeTest {

    static DeploymentEntity signed(DeploymentStatus status) {
        DeploymentEntity e = new DeploymentEntity();
        e.status = status;
        e.record(
                DeploymentRecord.EMPTY
                        .with(RecordField.PURPOSE, "Besucher zählen")
                        .with(RecordField.LEGAL_BASIS, "Art. 6 Abs. 1 lit. e DSGVO")
                        .with(RecordField.CONTACT, "datenschutz@example.org"));
        e.signedOffBy = "dieter.dpo";
        e.signedOffAt = Instant.parse("2026-05-01T10:00:00Z");
        e.signOffComment = "Nur Zählwerte";
        return e;
    }

    @Test
    void aChangeBeforeActivationWithdrawsTheSignOffAndTheReadiness() {
        DeploymentEntity e = signed(DeploymentStatus.READY);
        assertTrue(e.signedOff());
        RecordStore.changed(e);
        assertFalse(e.signedOff());
        assertNull(e.signedOffBy);
        assertNull(e.signOffComment);
        assertEquals(DeploymentStatus.PENDING_DOCUMENTATION, e.status);
        assertTrue(e.recordChangedAt != null && e.updatedAt != null);
    }

    @Test
    void aRunningDeploymentKeepsRunningButLosesItsSignOff() {
        DeploymentEntity e = signed(DeploymentStatus.ACTIVE);
        RecordStore.changed(e);
        assertFalse(e.signedOff());
        assertEquals(DeploymentStatus.ACTIVE, e.status);
        DeploymentEntity paused = signed(DeploymentStatus.PAUSED);
        RecordStore.changed(paused);
        assertEquals(DeploymentStatus.PAUSED, paused.status);
        assertFalse(paused.signedOff());
    }

    @Test
    void theRowKeepsRecordAndQuestionnaireWithTheRiskClass() {
        DeploymentEntity e = signed(DeploymentStatus.READY);
        assertEquals("Besucher zählen", e.purpose);
        assertEquals("Besucher zählen", e.record().text(RecordField.PURPOSE));
        assertNull(e.questionnaire());
        Map<AiActQuestion, Boolean> answers = new EnumMap<>(AiActQuestion.class);
        for (AiActQuestion q : AiActQuestion.values()) {
            answers.put(q, q == AiActQuestion.BIOMETRIC_IDENTIFICATION);
        }
        e.questionnaire(AiActQuestionnaire.of(answers));
        assertEquals(AiActRiskClass.HIGH_RISK, e.riskClass);
        assertEquals(AiActQuestionnaire.of(answers), e.questionnaire());
        // a record from before V12 has only the three columns
        DeploymentEntity legacy = new DeploymentEntity();
        legacy.purpose = "Zählen";
        legacy.contact = "a@example.org";
        assertEquals("Zählen", legacy.record().text(RecordField.PURPOSE));
        assertEquals(java.util.List.of("legalBasis"), legacy.record().missing(null));
    }
}
