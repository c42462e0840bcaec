package de.kihub.services.deployment.record;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What differs between two revisions of a record and its questionnaire, field by field. */
public final class RecordDiff {
    /** One changed value; {@code from}/{@code to} are JSON null where there was no value. */
    public record Change(String field, JsonValue from, JsonValue to) {}

    private RecordDiff() {}

    /**
     * Changes from {@code a} to {@code b}: record fields as {@code record.<key>}, answers as {@code
     * questionnaire.<key>}, and {@code riskClass}. The questionnaire may be null (not answered).
     */
    public static List<Change> between(
            DeploymentRecord a, AiActQuestionnaire qa, DeploymentRecord b, AiActQuestionnaire qb) {
        List<Change> changes = new ArrayList<>();
        for (RecordField f : RecordField.values()) {
            Object from = a.value(f);
            Object to = b.value(f);
            if (!Objects.equals(from, to)) {
                changes.add(
                        new Change(
                                "record." + f.key(),
                                DeploymentRecord.json(from),
                                DeploymentRecord.json(to)));
            }
        }
        for (AiActQuestion q : AiActQuestion.values()) {
            JsonValue from = answer(qa, q);
            JsonValue to = answer(qb, q);
            if (!from.equals(to)) {
                changes.add(new Change("questionnaire." + q.key(), from, to));
            }
        }
        JsonValue fromClass = riskClass(qa);
        JsonValue toClass = riskClass(qb);
        if (!fromClass.equals(toClass)) {
            changes.add(new Change("riskClass", fromClass, toClass));
        }
        return changes;
    }

    private static JsonValue answer(AiActQuestionnaire q, AiActQuestion question) {
        if (q == null) {
            return JsonValue.NULL;
        }
        return q.answer(question) ? JsonValue.TRUE : JsonValue.FALSE;
    }

    private static JsonValue riskClass(AiActQuestionnaire q) {
        return q == null ? JsonValue.NULL : Json.createValue(q.assessment().riskClass().name());
    }
}
