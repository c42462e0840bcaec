package de.kihub.services.deployment.record;

/**
 * What a deployment adds to its model's card in the {@code model-card} export: the model's card
 * comes from the documentation package's Hugging Face exporter, this section tells how the tenant
 * uses it. Values are put on one line each, so a record text cannot start a new Markdown block.
 */
public final class DeploymentCardSection {

    private DeploymentCardSection() {}

    /** The "Deployment / Einsatz" section appended to the model's card. */
    public static String markdown(RecordDocument doc) {
        StringBuilder md = new StringBuilder("## Deployment / Einsatz\n\n");
        md.append("- Organisation: ").append(oneLine(doc.organisation())).append('\n');
        md.append("- Deployment: ").append(oneLine(doc.name())).append('\n');
        md.append("- Model version: ")
                .append(oneLine(doc.subject().model()))
                .append(' ')
                .append(oneLine(doc.subject().version()))
                .append('\n');
        String purpose = doc.record().text(RecordField.PURPOSE);
        if (purpose != null) {
            md.append("- Zweck / Purpose: ").append(oneLine(purpose)).append('\n');
        }
        if (doc.riskClass() != null) {
            md.append("- EU AI Act: ").append(doc.riskClass().name()).append('\n');
        }
        return md.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
