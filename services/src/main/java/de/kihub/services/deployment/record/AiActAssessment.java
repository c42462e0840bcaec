package de.kihub.services.deployment.record;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The questionnaire's result: the risk class, the reasons for it (article references), the
 * transparency duties of Art. 50 that apply whatever the class, and whether the tenant, as a public
 * authority, must register the use in the EU database (Art. 49(3): high-risk systems of Annex III
 * except point 2).
 */
public record AiActAssessment(
        AiActRiskClass riskClass,
        List<AiActReason> reasons,
        List<AiActReason> transparencyDuties,
        boolean euDatabaseRegistration) {

    public AiActAssessment {
        reasons = List.copyOf(reasons);
        transparencyDuties = List.copyOf(transparencyDuties);
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("riskClass", riskClass.name())
                .add("reasons", json(reasons))
                .add("transparencyDuties", json(transparencyDuties))
                .add("euDatabaseRegistration", euDatabaseRegistration)
                .build();
    }

    static JsonArrayBuilder json(List<AiActReason> reasons) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (AiActReason r : reasons) {
            a.add(
                    Json.createObjectBuilder()
                            .add("article", r.article())
                            .add("de", r.de())
                            .add("en", r.en()));
        }
        return a;
    }
}
