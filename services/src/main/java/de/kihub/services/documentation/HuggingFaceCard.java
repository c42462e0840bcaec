package de.kihub.services.documentation;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.card.CardLanguage;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.Model;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.ModelVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A card in the Hugging Face model card format: YAML front matter (license, language, tags,
 * pipeline_tag, library_name, model-index with the hub's evaluation results), then the card in
 * English and in German. Every string in the front matter is a double-quoted YAML scalar, so that
 * no name or tag can change its structure.
 */
public final class HuggingFaceCard {

    /**
     * Hugging Face's licence identifiers (hf.co/docs/hub/repositories-licenses) that are SPDX's.
     */
    static final Set<String> HF_LICENSES =
            Set.of(
                    "apache-2.0",
                    "mit",
                    "afl-3.0",
                    "artistic-2.0",
                    "bsl-1.0",
                    "bsd-2-clause",
                    "bsd-3-clause",
                    "bsd-3-clause-clear",
                    "cc0-1.0",
                    "cc-by-2.0",
                    "cc-by-2.5",
                    "cc-by-3.0",
                    "cc-by-4.0",
                    "cc-by-sa-3.0",
                    "cc-by-sa-4.0",
                    "cc-by-nc-2.0",
                    "cc-by-nc-3.0",
                    "cc-by-nc-4.0",
                    "cc-by-nd-4.0",
                    "cc-by-nc-nd-3.0",
                    "cc-by-nc-nd-4.0",
                    "cc-by-nc-sa-2.0",
                    "cc-by-nc-sa-3.0",
                    "cc-by-nc-sa-4.0",
                    "cdla-sharing-1.0",
                    "cdla-permissive-1.0",
                    "cdla-permissive-2.0",
                    "wtfpl",
                    "ecl-2.0",
                    "epl-1.0",
                    "epl-2.0",
                    "etalab-2.0",
                    "eupl-1.1",
                    "agpl-3.0",
                    "gpl-2.0",
                    "gpl-3.0",
                    "lgpl-2.1",
                    "lgpl-3.0",
                    "isc",
                    "lppl-1.3c",
                    "ms-pl",
                    "mpl-2.0",
                    "odc-by",
                    "odbl",
                    "osl-3.0",
                    "postgresql",
                    "ofl-1.1",
                    "ncsa",
                    "unlicense",
                    "zlib",
                    "pddl");

    /** The hub's tasks as Hugging Face pipeline tags. */
    static final Map<String, String> PIPELINE_TAGS =
            Map.of(
                    "people-counting", "object-detection",
                    "object-detection", "object-detection",
                    "image-classification", "image-classification",
                    "image-segmentation", "image-segmentation",
                    "text-classification", "text-classification",
                    "speech-recognition", "automatic-speech-recognition",
                    "time-series-forecasting", "time-series-forecasting");

    private HuggingFaceCard() {}

    /** The card as Markdown with YAML front matter. */
    public static String markdown(
            Model model, ModelVersion version, ModelCard card, List<EvaluatedResult> results) {
        StringBuilder md = new StringBuilder("---\n");
        frontMatter(md, model, version, results);
        md.append("---\n\n");
        body(md, model, version, card, results, CardLanguage.EN);
        md.append("\n---\n\n");
        body(md, model, version, card, results, CardLanguage.DE);
        return md.toString();
    }

    private static void frontMatter(
            StringBuilder y, Model model, ModelVersion version, List<EvaluatedResult> results) {
        String license = hfLicense(model.license());
        y.append("license: ").append(quoted(license)).append('\n');
        if ("other".equals(license)) {
            y.append("license_name: ")
                    .append(quoted(model.license().toLowerCase(Locale.ROOT)))
                    .append('\n')
                    .append("license_link: ")
                    .append(quoted("https://spdx.org/licenses/" + model.license() + ".html"))
                    .append('\n');
        }
        y.append("language:\n- \"de\"\n- \"en\"\n");
        Set<String> tags = new LinkedHashSet<>();
        tags.add("kihub");
        tags.add(model.task());
        tags.addAll(model.tags());
        y.append("tags:\n");
        tags.forEach(t -> y.append("- ").append(quoted(t)).append('\n'));
        String pipeline = PIPELINE_TAGS.get(model.task());
        if (pipeline != null) {
            y.append("pipeline_tag: ").append(quoted(pipeline)).append('\n');
        }
        String library = library(version.artifact());
        if (library != null) {
            y.append("library_name: ").append(quoted(library)).append('\n');
        }
        if (results.isEmpty()) {
            return;
        }
        y.append("model-index:\n- name: ").append(quoted(model.model())).append("\n  results:\n");
        for (EvaluatedResult r : results) {
            y.append("  - task:\n      type: ")
                    .append(quoted(PIPELINE_TAGS.getOrDefault(r.task(), r.task())))
                    .append("\n      name: ")
                    .append(quoted(r.task()))
                    .append("\n    dataset:\n      type: ")
                    .append(quoted(r.dataset()))
                    .append("\n      name: ")
                    .append(quoted(r.datasetName()))
                    .append("\n    metrics:\n");
            String settings = QuantitativeAnalyses.settings(r.configuration());
            r.metrics()
                    .forEach(
                            (key, value) ->
                                    y.append("    - type: ")
                                            .append(quoted(key))
                                            .append("\n      value: ")
                                            .append(QuantitativeAnalyses.plain(value))
                                            .append("\n      name: ")
                                            .append(
                                                    quoted(
                                                            QuantitativeAnalyses.metricName(
                                                                            key, CardLanguage.EN)
                                                                    + " ("
                                                                    + settings
                                                                    + ")"))
                                            .append('\n'));
            y.append("    source:\n      name: \"KI-Hub evaluation ")
                    .append(r.evaluation())
                    .append("\"\n");
        }
    }

    private static void body(
            StringBuilder md,
            Model model,
            ModelVersion version,
            ModelCard card,
            List<EvaluatedResult> results,
            String language) {
        boolean de = CardLanguage.DE.equals(language);
        String name = de ? model.displayName().de() : model.displayName().en();
        md.append("# ").append(MarkdownText.escape(name));
        if (de) {
            md.append(" (Deutsch)");
        }
        md.append("\n\n`")
                .append(model.model())
                .append("` ")
                .append(de ? "Version " : "version ")
                .append(version.version())
                .append(" · ")
                .append(de ? "Lizenz " : "licence ")
                .append(MarkdownText.escape(model.license()))
                .append('\n');
        String description =
                model.description() == null
                        ? null
                        : de ? model.description().de() : model.description().en();
        if (description != null && !description.isBlank()) {
            md.append('\n').append(MarkdownText.escape(description)).append('\n');
        }
        for (CardSection section : CardSection.values()) {
            md.append("\n## ").append(section.title(language)).append("\n\n");
            String text = card.text(section, language);
            md.append(
                            text == null
                                    ? de ? "_Noch nicht beschrieben._" : "_Not described yet._"
                                    : text)
                    .append('\n');
            if (section == CardSection.QUANTITATIVE_ANALYSES && !results.isEmpty()) {
                md.append("\n### ")
                        .append(QuantitativeAnalyses.title(language))
                        .append("\n\n")
                        .append(QuantitativeAnalyses.markdown(results, language));
            }
        }
    }

    /** Hugging Face's identifier for an SPDX licence, or {@code other}. */
    static String hfLicense(String spdx) {
        String id =
                spdx.toLowerCase(Locale.ROOT)
                        .replaceFirst("-(only|or-later)$", "")
                        .replace("+", "");
        return HF_LICENSES.contains(id) ? id : "other";
    }

    /** The library a model file runs with, as Hugging Face names it, or null. */
    static String library(ArtifactInfo artifact) {
        if (artifact == null) {
            return null;
        }
        if (artifact.format() == ArtifactFormat.ONNX || "OnnxRuntime".equals(artifact.engine())) {
            return "onnx";
        }
        if (artifact.format() == ArtifactFormat.TORCHSCRIPT
                || "PyTorch".equals(artifact.engine())) {
            return "pytorch";
        }
        return null;
    }

    /** A YAML double-quoted scalar (JSON string escapes are a subset of YAML's). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints()
                .forEach(
                        c -> {
                            switch (c) {
                                case '"' -> out.append("\\\"");
                                case '\\' -> out.append("\\\\");
                                case '\n' -> out.append("\\n");
                                case '\t' -> out.append("\\t");
                                default -> {
                                    // control characters, YAML's extra line breaks, the byte order
                                    // mark and lone surrogates are written as escapes
                                    if (c < 0x20
                                            || c == 0x7f
                                            || c == 0x85
                                            || c == 0x2028
                                            || c == 0x2029
                                            || c == 0xfeff
                                            || (c >= 0xd800 && c <= 0xdfff)) {
                                        out.append(String.format(Locale.ROOT, "\\u%04x", c));
                                    } else {
                                        out.appendCodePoint(c);
                                    }
                                }
                            }
                        });
        return out.append('"').toString();
    }
}
