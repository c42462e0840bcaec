package de.kihub.services.deployment.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AiActQuestionnaireTest {

    /** Every question answered no, except the given ones. */
    static AiActQuestionnaire yesTo(AiActQuestion... yes) {
        Map<AiActQuestion, Boolean> answers = new EnumMap<>(AiActQuestion.class);
        for (AiActQuestion q : AiActQuestion.values()) {
            answers.put(q, Arrays.asList(yes).contains(q));
        }
        return AiActQuestionnaire.of(answers);
    }

    static List<String> articles(List<AiActReason> reasons) {
        return reasons.stream().map(AiActReason::article).toList();
    }

    @Test
    void anonymousPeopleCountingWithAggregatesOnlyIsMinimalRiskWithReasons() {
        // a camera counts people crossing a line; only counts per minute are stored
        AiActAssessment a = yesTo().assessment();
        assertEquals(AiActRiskClass.MINIMAL_RISK, a.riskClass());
        assertEquals(List.of("Art. 5", "Art. 6, Annex III", "Art. 50"), articles(a.reasons()));
        assertTrue(a.transparencyDuties().isEmpty());
        assertFalse(a.euDatabaseRegistration());
        assertTrue(a.reasons().stream().allMatch(r -> !r.de().isBlank() && !r.en().isBlank()));
    }

    @Test
    void theSameCameraRecognisingFacesInRealTimeInPublicForThePoliceIsProhibited() {
        AiActAssessment a =
                yesTo(
                                AiActQuestion
                                        .REAL_TIME_REMOTE_BIOMETRIC_IDENTIFICATION_FOR_LAW_ENFORCEMENT,
                                AiActQuestion.BIOMETRIC_IDENTIFICATION,
                                AiActQuestion.LAW_ENFORCEMENT)
                        .assessment();
        assertEquals(AiActRiskClass.PROHIBITED, a.riskClass());
        assertEquals(List.of("Art. 5(1)(h)"), articles(a.reasons()));
        assertFalse(a.euDatabaseRegistration(), "a prohibited use is not registered, it stops");
    }

    @Test
    void faceRecognitionForAccessControlIsHighRiskAndMustBeRegistered() {
        AiActAssessment a = yesTo(AiActQuestion.BIOMETRIC_IDENTIFICATION).assessment();
        assertEquals(AiActRiskClass.HIGH_RISK, a.riskClass());
        assertEquals(List.of("Art. 5", "Annex III 1(a)"), articles(a.reasons()));
        assertTrue(a.euDatabaseRegistration());
    }

    @Test
    void criticalInfrastructureIsHighRiskWithoutDeployerRegistration() {
        AiActAssessment a = yesTo(AiActQuestion.CRITICAL_INFRASTRUCTURE).assessment();
        assertEquals(AiActRiskClass.HIGH_RISK, a.riskClass());
        assertFalse(a.euDatabaseRegistration(), "Art. 49(3) excludes Annex III point 2");
        AiActAssessment product = yesTo(AiActQuestion.SAFETY_COMPONENT).assessment();
        assertEquals(AiActRiskClass.HIGH_RISK, product.riskClass());
        assertEquals(List.of("Art. 5", "Art. 6(1), Annex I"), articles(product.reasons()));
    }

    @Test
    void aChatbotHasATransparencyDuty() {
        AiActAssessment a = yesTo(AiActQuestion.INTERACTS_WITH_PEOPLE).assessment();
        assertEquals(AiActRiskClass.LIMITED_RISK, a.riskClass());
        assertEquals(List.of("Art. 50(1)"), articles(a.transparencyDuties()));
        assertTrue(articles(a.reasons()).contains("Art. 50(1)"));
    }

    @Test
    void emotionRecognitionIsHighRiskAndObligesToInformThePeopleExposed() {
        AiActAssessment a = yesTo(AiActQuestion.EMOTION_RECOGNITION).assessment();
        assertEquals(AiActRiskClass.HIGH_RISK, a.riskClass());
        assertEquals(List.of("Art. 50(3)"), articles(a.transparencyDuties()));
        AiActAssessment atWork =
                yesTo(
                                AiActQuestion.EMOTION_RECOGNITION,
                                AiActQuestion.EMOTION_RECOGNITION_AT_WORK_OR_EDUCATION)
                        .assessment();
        assertEquals(AiActRiskClass.PROHIBITED, atWork.riskClass());
    }

    @Test
    void everyProhibitedPracticeAloneLeadsToProhibited() {
        for (AiActQuestion q : AiActQuestion.values()) {
            AiActRiskClass c = yesTo(q).assessment().riskClass();
            switch (q.group()) {
                case PROHIBITED -> assertEquals(AiActRiskClass.PROHIBITED, c, q.key());
                case PRODUCT_SAFETY, HIGH_RISK ->
                        assertEquals(AiActRiskClass.HIGH_RISK, c, q.key());
                case TRANSPARENCY -> assertEquals(AiActRiskClass.LIMITED_RISK, c, q.key());
            }
        }
    }

    @Test
    void parsesAnswersAndRefusesMissingUnknownAndNonBooleanOnes() {
        JsonObjectBuilder all = Json.createObjectBuilder();
        for (AiActQuestion q : AiActQuestion.values()) {
            all.add(q.key(), q == AiActQuestion.INTERACTS_WITH_PEOPLE);
        }
        JsonObject answers = all.build();
        AiActQuestionnaire q =
                AiActQuestionnaire.parse(
                        Json.createObjectBuilder().add("answers", answers).build());
        assertEquals(AiActRiskClass.LIMITED_RISK, q.assessment().riskClass());
        // stored form reads back the same and says the same
        AiActQuestionnaire stored = AiActQuestionnaire.fromStored(q.toJson());
        assertEquals(q, stored);
        assertEquals(q.assessment(), stored.assessment());
        assertEquals("LIMITED_RISK", q.toJson().getJsonObject("assessment").getString("riskClass"));

        InvalidRequestException missing =
                assertThrows(
                        InvalidRequestException.class,
                        () ->
                                AiActQuestionnaire.parse(
                                        Json.createObjectBuilder()
                                                .add(
                                                        "answers",
                                                        Json.createObjectBuilder(answers)
                                                                .remove("socialScoring"))
                                                .build()));
        assertTrue(missing.getMessage().contains("socialScoring"), missing.getMessage());
        InvalidRequestException unknown =
                assertThrows(
                        InvalidRequestException.class,
                        () ->
                                AiActQuestionnaire.parse(
                                        Json.createObjectBuilder()
                                                .add(
                                                        "answers",
                                                        Json.createObjectBuilder(answers)
                                                                .add("mindReading", false))
                                                .build()));
        assertTrue(unknown.getMessage().contains("mindReading"), unknown.getMessage());
        InvalidRequestException notBoolean =
                assertThrows(
                        InvalidRequestException.class,
                        () ->
                                AiActQuestionnaire.parse(
                                        Json.createObjectBuilder()
                                                .add(
                                                        "answers",
                                                        Json.createObjectBuilder(answers)
                                                                .add("socialScoring", "no"))
                                                .build()));
        assertTrue(notBoolean.getMessage().contains("socialScoring"), notBoolean.getMessage());
        assertThrows(
                InvalidRequestException.class,
                () -> AiActQuestionnaire.parse(Json.createObjectBuilder().build()));
    }

    @Test
    void questionKeysAreUniqueAndEveryQuestionHasBothLanguages() {
        Set<String> keys =
                Set.copyOf(Arrays.stream(AiActQuestion.values()).map(AiActQuestion::key).toList());
        assertEquals(AiActQuestion.values().length, keys.size());
        for (AiActQuestion q : AiActQuestion.values()) {
            assertTrue(q.question("de").endsWith("?") && q.question("en").endsWith("?"), q.key());
        }
    }
}
