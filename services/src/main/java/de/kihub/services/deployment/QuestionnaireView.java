package de.kihub.services.deployment;

import de.kihub.services.deployment.record.AiActAssessment;
import de.kihub.services.deployment.record.AiActQuestion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The EU AI Act questionnaire of a deployment: every question, the answers (null while never
 * answered) and their assessment. {@code stopped} says that answering paused an ACTIVE deployment
 * because a prohibited practice was named.
 */
public record QuestionnaireView(
        List<Question> questions,
        Map<String, Boolean> answers,
        AiActAssessment assessment,
        int revision,
        DeploymentStatus status,
        boolean stopped) {

    /** One question, in German and English, with the article it comes from. */
    public record Question(String key, String group, String article, String de, String en) {}

    static List<Question> allQuestions() {
        return Arrays.stream(AiActQuestion.values())
                .map(
                        q ->
                                new Question(
                                        q.key(),
                                        q.group().name(),
                                        q.article(),
                                        q.question("de"),
                                        q.question("en")))
                .toList();
    }
}
