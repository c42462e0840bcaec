package de.kihub.services.deployment.record;

import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.LocalizedText;
import jakarta.json.Json;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deployed version's card as Markdown with YAML front matter in the Hugging Face model-card
 * layout, followed by how the tenant uses it. Deliberately small: the card package's exporter is
 * the full one. YAML values are written as JSON strings, which YAML 1.2 reads unchanged, so no
 * value can break the front matter.
 */
public final class ModelCardExport {
    private static final Pattern SPDX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]*");
    private static final Map<String, String> PIPELINE_TAGS =
            Map.of(
                    "people-counting", "object-detection",
                    "object-detection", "object-detection",
                    "image-classification", "image-classification",
                    "image-segmentation", "image-segmentation",
                    "text-classification", "text-classification",
                    "speech-recognition", "automatic-speech-recognition",
                    "time-series-forecasting", "time-series-forecasting");
    private static final Map<CardSection, String> HEADINGS =
            Map.of(
                    CardSection.MODEL_DETAILS, "Model details / Modelldetails",
                    CardSection.INTENDED_USE, "Intended use / Vorgesehene Verwendung",
                    CardSection.FACTORS, "Factors / Einflussfaktoren",
                    CardSection.METRICS, "Metrics / Metriken",
                    CardSection.EVALUATION_DATA, "Evaluation data / Evaluationsdaten",
                    CardSection.TRAINING_DATA, "Training data / Trainingsdaten",
                    CardSection.QUANTITATIVE_ANALYSES,
                            "Quantitative analyses / Quantitative Analysen",
                    CardSection.ETHICAL_CONSIDERATIONS,
                            "Ethical considerations / Ethische Überlegungen",
                    CardSection.CAVEATS_AND_RECOMMENDATIONS,
                            "Caveats and recommendations / Einschränkungen und Empfehlungen");

    private ModelCardExport() {}

    public static String markdown(RecordDocument doc, ModelCard card) {
        RecordSubject s = doc.subject();
        StringBuilder md = new StringBuilder("---\n");
        md.append("language:\n- de\n- en\n");
        String license = s.license();
        if (license != null && SPDX.matcher(license).matches()) {
            md.append("license: ").append(yaml(license.toLowerCase(java.util.Locale.ROOT)));
            md.append('\n');
        } else if (license != null) {
            md.append("license: other\nlicense_name: ").append(yaml(license)).append('\n');
        }
        String pipeline = PIPELINE_TAGS.get(s.task());
        if (pipeline != null) {
            md.append("pipeline_tag: ").append(yaml(pipeline)).append('\n');
        }
        md.append("tags:\n- kihub\n- ").append(yaml(s.task())).append('\n');
        md.append("model_name: ").append(yaml(s.model())).append('\n');
        md.append("model_version: ").append(yaml(s.version())).append('\n');
        if (doc.riskClass() != null) {
            md.append("eu_ai_act_risk_class: ").append(yaml(doc.riskClass().name())).append('\n');
        }
        md.append("---\n\n");
        String title = s.modelTitle() != null ? s.modelTitle() : s.model();
        md.append("# ").append(oneLine(title)).append(' ').append(s.version()).append("\n\n");
        boolean any = false;
        if (card != null) {
            for (CardSection section : CardSection.values()) {
                LocalizedText t = card.sections().get(section);
                if (t == null || (t.de() == null && t.en() == null)) {
                    continue;
                }
                any = true;
                md.append("## ").append(HEADINGS.get(section)).append("\n\n");
                if (t.de() != null) {
                    md.append(t.de()).append("\n\n");
                }
                if (t.en() != null) {
                    md.append(t.de() != null ? "*English:* " : "").append(t.en()).append("\n\n");
                }
            }
        }
        if (!any) {
            md.append("_The publisher has not written a model card for this version yet._\n\n");
        }
        md.append("## Deployment / Einsatz\n\n");
        md.append("- Organisation: ").append(oneLine(doc.organisation())).append('\n');
        md.append("- Deployment: ").append(oneLine(doc.name())).append('\n');
        String purpose = doc.record().text(RecordField.PURPOSE);
        if (purpose != null) {
            md.append("- Zweck / Purpose: ").append(oneLine(purpose)).append('\n');
        }
        if (doc.riskClass() != null) {
            md.append("- EU AI Act: ").append(doc.riskClass().name()).append('\n');
        }
        return md.toString();
    }

    /** A YAML scalar: the JSON string form, which YAML 1.2 parses as the same string. */
    static String yaml(String value) {
        return Json.createValue(value).toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
