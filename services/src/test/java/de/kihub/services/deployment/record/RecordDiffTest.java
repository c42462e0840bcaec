package de.kihub.services.deployment.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDiffTest {

    @Test
    void namesEveryChangedFieldAnswerAndTheRiskClassInFieldOrder() {
        DeploymentRecord a =
                DeploymentRecord.EMPTY
                        .with(RecordField.PURPOSE, "Zählen")
                        .with(RecordField.CONTACT, "a@example.org");
        DeploymentRecord b =
                a.with(RecordField.PURPOSE, "Besucher zählen").with(RecordField.CONTACT, null);
        AiActQuestionnaire none = AiActQuestionnaireTest.yesTo();
        AiActQuestionnaire chatbot =
                AiActQuestionnaireTest.yesTo(AiActQuestion.INTERACTS_WITH_PEOPLE);
        List<RecordDiff.Change> changes = RecordDiff.between(a, none, b, chatbot);
        assertEquals(
                List.of(
                        new RecordDiff.Change(
                                "record.contact",
                                Json.createValue("a@example.org"),
                                JsonValue.NULL),
                        new RecordDiff.Change(
                                "record.purpose",
                                Json.createValue("Zählen"),
                                Json.createValue("Besucher zählen")),
                        new RecordDiff.Change(
                                "questionnaire.interactsWithPeople",
                                JsonValue.FALSE,
                                JsonValue.TRUE),
                        new RecordDiff.Change(
                                "riskClass",
                                Json.createValue("MINIMAL_RISK"),
                                Json.createValue("LIMITED_RISK"))),
                changes);
        assertEquals(List.of(), RecordDiff.between(b, chatbot, b, chatbot));
        // a questionnaire answered for the first time shows every answer
        assertEquals(
                AiActQuestion.values().length + 1, RecordDiff.between(a, null, a, none).size());
    }
}
