package de.kihub.services.deployment.record;

/**
 * One revision of a deployment's documentation: the record and the questionnaire (null while it was
 * never answered), with the deployment they describe.
 */
public record RecordDocument(
        RecordSubject subject, DeploymentRecord record, AiActQuestionnaire questionnaire) {

    /** The risk class, or null before the questionnaire is answered. */
    public AiActRiskClass riskClass() {
        return questionnaire == null ? null : questionnaire.assessment().riskClass();
    }

    /** The record's name, or the deployment's when the record has none. */
    public String name() {
        String name = record.text(RecordField.NAME);
        return name != null ? name : subject.deploymentName();
    }

    /** The record's organisation, or the tenant id. */
    public String organisation() {
        String organisation = record.text(RecordField.ORGANISATION);
        return organisation != null ? organisation : subject.tenant();
    }
}
