package de.kihub.services.deployment.record;

import de.kihub.registry.error.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A deployment's answers to every {@link AiActQuestion} and the {@link AiActAssessment} they lead
 * to. The assessment is computed here only, from the answers, so the two never disagree.
 */
public final class AiActQuestionnaire {
    static final AiActReason NO_PROHIBITED_PRACTICE =
            new AiActReason(
                    "Art. 5",
                    "Keine der verbotenen Praktiken des Art. 5 trifft zu.",
                    "None of the prohibited practices of Art. 5 applies.");
    static final AiActReason NO_HIGH_RISK_AREA =
            new AiActReason(
                    "Art. 6, Annex III",
                    "Das System ist weder Sicherheitsbauteil eines Produkts nach Anhang I noch in"
                            + " einem Hochrisiko-Bereich des Anhangs III eingesetzt.",
                    "The system is neither a safety component of an Annex I product nor used in"
                            + " a high-risk area of Annex III.");
    static final AiActReason NO_TRANSPARENCY_DUTY =
            new AiActReason(
                    "Art. 50",
                    "Keine Transparenzpflicht des Art. 50 greift; es gelten die allgemeinen"
                            + " Pflichten, etwa KI-Kompetenz nach Art. 4.",
                    "No transparency duty of Art. 50 applies; the general duties remain, such as"
                            + " AI literacy under Art. 4.");
    static final AiActReason INFORM_EXPOSED_PERSONS =
            new AiActReason(
                    "Art. 50(3)",
                    "Wer Emotionen erkennt oder Menschen biometrisch kategorisiert, muss die"
                            + " betroffenen Personen über den Betrieb des Systems informieren.",
                    "Deployers of emotion recognition or biometric categorisation must inform the"
                            + " persons exposed to it.");

    private final Map<AiActQuestion, Boolean> answers;
    private final AiActAssessment assessment;

    private AiActQuestionnaire(Map<AiActQuestion, Boolean> answers) {
        EnumMap<AiActQuestion, Boolean> copy = new EnumMap<>(AiActQuestion.class);
        copy.putAll(answers);
        this.answers = Collections.unmodifiableMap(copy);
        this.assessment = assess(copy);
    }

    /** Every question answered; a missing or extra answer is refused. */
    public static AiActQuestionnaire of(Map<AiActQuestion, Boolean> answers) {
        List<String> missing =
                Arrays.stream(AiActQuestion.values())
                        .filter(q -> answers.get(q) == null)
                        .map(AiActQuestion::key)
                        .toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(
                    "Every question must be answered with true or false; missing: "
                            + String.join(", ", missing)
                            + ".");
        }
        return new AiActQuestionnaire(answers);
    }

    /** Parses {@code {"answers": {"socialScoring": false, ...}}}, naming the first problem. */
    public static AiActQuestionnaire parse(JsonObject body) {
        if (body == null || !(body.get("answers") instanceof JsonObject answers)) {
            throw new InvalidRequestException(
                    "Send {\"answers\": {...}} with true or false for every question (GET"
                            + " .../record/questionnaire lists them).");
        }
        Set<String> extra = new TreeSet<>(body.keySet());
        extra.remove("answers");
        if (!extra.isEmpty()) {
            throw new InvalidRequestException(
                    "Unknown field(s) " + extra + "; send only 'answers'.");
        }
        Map<String, AiActQuestion> byKey =
                Arrays.stream(AiActQuestion.values())
                        .collect(Collectors.toMap(AiActQuestion::key, q -> q));
        Set<String> unknown = new TreeSet<>(answers.keySet());
        unknown.removeAll(byKey.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(
                    "Unknown question(s) "
                            + unknown
                            + "; known are "
                            + String.join(", ", byKey.keySet().stream().sorted().toList())
                            + ".");
        }
        Map<AiActQuestion, Boolean> parsed = new EnumMap<>(AiActQuestion.class);
        for (Map.Entry<String, JsonValue> e : answers.entrySet()) {
            JsonValue v = e.getValue();
            if (v.getValueType() == JsonValue.ValueType.TRUE) {
                parsed.put(byKey.get(e.getKey()), Boolean.TRUE);
            } else if (v.getValueType() == JsonValue.ValueType.FALSE) {
                parsed.put(byKey.get(e.getKey()), Boolean.FALSE);
            } else {
                throw new InvalidRequestException(
                        "The answer to '" + e.getKey() + "' must be true or false.");
            }
        }
        return of(parsed);
    }

    /** Answers as the hub stored them; questions added since count as unanswered (false). */
    public static AiActQuestionnaire fromStored(JsonObject stored) {
        Map<AiActQuestion, Boolean> parsed = new EnumMap<>(AiActQuestion.class);
        JsonObject answers = stored.getJsonObject("answers");
        for (AiActQuestion q : AiActQuestion.values()) {
            parsed.put(q, answers != null && answers.getBoolean(q.key(), false));
        }
        return new AiActQuestionnaire(parsed);
    }

    public Map<AiActQuestion, Boolean> answers() {
        return answers;
    }

    public boolean answer(AiActQuestion question) {
        return Boolean.TRUE.equals(answers.get(question));
    }

    public AiActAssessment assessment() {
        return assessment;
    }

    /** Answers and assessment, as stored and shown. */
    public JsonObject toJson() {
        JsonObjectBuilder a = Json.createObjectBuilder();
        answers.forEach((q, yes) -> a.add(q.key(), yes));
        return Json.createObjectBuilder()
                .add("answers", a)
                .add("assessment", assessment.toJson())
                .build();
    }

    static AiActAssessment assess(Map<AiActQuestion, Boolean> answers) {
        List<AiActQuestion> yes =
                Arrays.stream(AiActQuestion.values())
                        .filter(q -> Boolean.TRUE.equals(answers.get(q)))
                        .toList();
        List<AiActReason> prohibited = reasons(yes, AiActQuestion.Group.PROHIBITED);
        List<AiActReason> high = reasons(yes, AiActQuestion.Group.PRODUCT_SAFETY);
        high.addAll(reasons(yes, AiActQuestion.Group.HIGH_RISK));
        List<AiActReason> duties = reasons(yes, AiActQuestion.Group.TRANSPARENCY);
        if (yes.contains(AiActQuestion.EMOTION_RECOGNITION)
                || yes.contains(AiActQuestion.BIOMETRIC_CATEGORISATION)) {
            duties.add(INFORM_EXPOSED_PERSONS);
        }
        boolean registration =
                yes.stream()
                        .anyMatch(
                                q ->
                                        q.group() == AiActQuestion.Group.HIGH_RISK
                                                && q != AiActQuestion.CRITICAL_INFRASTRUCTURE);
        List<AiActReason> reasons = new ArrayList<>();
        AiActRiskClass riskClass;
        if (!prohibited.isEmpty()) {
            riskClass = AiActRiskClass.PROHIBITED;
            reasons.addAll(prohibited);
        } else if (!high.isEmpty()) {
            riskClass = AiActRiskClass.HIGH_RISK;
            reasons.add(NO_PROHIBITED_PRACTICE);
            reasons.addAll(high);
        } else if (!duties.isEmpty()) {
            riskClass = AiActRiskClass.LIMITED_RISK;
            reasons.add(NO_PROHIBITED_PRACTICE);
            reasons.add(NO_HIGH_RISK_AREA);
            reasons.addAll(duties);
        } else {
            riskClass = AiActRiskClass.MINIMAL_RISK;
            reasons.add(NO_PROHIBITED_PRACTICE);
            reasons.add(NO_HIGH_RISK_AREA);
            reasons.add(NO_TRANSPARENCY_DUTY);
        }
        return new AiActAssessment(
                riskClass, reasons, duties, registration && prohibited.isEmpty());
    }

    private static List<AiActReason> reasons(List<AiActQuestion> yes, AiActQuestion.Group group) {
        return yes.stream()
                .filter(q -> q.group() == group)
                .map(AiActQuestion::reason)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AiActQuestionnaire q && answers.equals(q.answers);
    }

    @Override
    public int hashCode() {
        return answers.hashCode();
    }
}
