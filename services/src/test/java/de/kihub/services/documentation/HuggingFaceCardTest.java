package de.kihub.services.documentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionStatus;
import jakarta.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class HuggingFaceCardTest {
    static final Instant WHEN = Instant.parse("2026-11-20T10:15:30Z");

    @Test
    void frontMatterParsesAsYamlWithTheHubsFacts() {
        String md =
                HuggingFaceCard.markdown(
                        model("Apache-2.0", List.of("personenzählung", "people counting")),
                        version(ArtifactFormat.ONNX, "OnnxRuntime"),
                        card(),
                        List.of(pets09()));

        assertTrue(md.startsWith("---\n"), md);
        Map<String, Object> yaml = frontMatter(md);
        assertEquals("apache-2.0", yaml.get("license"));
        assertEquals(List.of("de", "en"), yaml.get("language"));
        assertEquals(
                List.of("kihub", "people-counting", "personenzählung", "people counting"),
                yaml.get("tags"));
        assertEquals("object-detection", yaml.get("pipeline_tag"));
        assertEquals("onnx", yaml.get("library_name"));

        List<?> index = (List<?>) yaml.get("model-index");
        Map<?, ?> entry = (Map<?, ?>) index.get(0);
        assertEquals("kihub/people-counter", entry.get("name"));
        Map<?, ?> result = (Map<?, ?>) ((List<?>) entry.get("results")).get(0);
        assertEquals("object-detection", ((Map<?, ?>) result.get("task")).get("type"));
        assertEquals("people-counting", ((Map<?, ?>) result.get("task")).get("name"));
        Map<?, ?> dataset = (Map<?, ?>) result.get("dataset");
        assertEquals("w-hs/pets09", dataset.get("type"));
        assertEquals("PETS09-S2L1: \"frames\" 1-400 # view 1", dataset.get("name"));
        List<?> metrics = (List<?>) result.get("metrics");
        assertEquals(2, metrics.size());
        Map<?, ?> mae = (Map<?, ?>) metrics.get(0);
        assertEquals("mae", mae.get("type"));
        assertEquals(0.49, ((Number) mae.get("value")).doubleValue(), 1e-12);
        assertEquals("MAE (scoreThreshold 0.45, minBoxSize 0)", mae.get("name"));
        assertEquals(
                0.907, ((Number) ((Map<?, ?>) metrics.get(1)).get("value")).doubleValue(), 1e-12);
    }

    @Test
    void bodyHasBothLanguagesWithTheGeneratedResultsBesideTheAuthorsText() {
        String md =
                HuggingFaceCard.markdown(
                        model("MIT", List.of()),
                        version(ArtifactFormat.TORCHSCRIPT, "PyTorch"),
                        card(),
                        List.of(pets09()));
        String body = md.substring(md.indexOf("---\n", 4) + 4);
        int english = body.indexOf("# People counting\n");
        int german = body.indexOf("# Personenzählung (Deutsch)\n");
        assertTrue(english >= 0 && german > english, body);
        assertTrue(body.contains("## Intended Use\n\nCounting visitor flows *anonymously*."));
        assertTrue(body.contains("## Vorgesehene Verwendung\n\nBesucherströme zählen."));
        assertTrue(body.contains("## Factors\n\n_Not described yet._"), body);
        assertTrue(
                body.contains(
                        "## Quantitative Analyses\n\nOur own measurement.\n\n"
                                + "### Results of the hub's evaluations (generated)\n\n"
                                + "_Generated automatically"),
                body);
        assertTrue(body.contains("| 0.490 |"), body);
        assertTrue(body.contains("| 0,490 |"), body);
        assertEquals("pytorch", frontMatter(md).get("library_name"));
        assertEquals("mit", frontMatter(md).get("license"));
    }

    @Test
    void withoutResultsThereIsNoModelIndexAndOtherLicencesAreNamed() {
        String md =
                HuggingFaceCard.markdown(
                        model("EUPL-1.2", List.of("line: \"two\"\n- injected: true")),
                        version(ArtifactFormat.DJL_ARCHIVE, null),
                        card(),
                        List.of());
        Map<String, Object> yaml = frontMatter(md);
        assertEquals("other", yaml.get("license"));
        assertEquals("eupl-1.2", yaml.get("license_name"));
        assertFalse(yaml.containsKey("model-index"));
        assertFalse(yaml.containsKey("library_name"));
        assertFalse(yaml.containsKey("injected"), "a tag cannot add keys");
        assertEquals(
                List.of("kihub", "people-counting", "line: \"two\"\n- injected: true"),
                yaml.get("tags"));
        assertNull(yaml.get("model_index"));
    }

    @Test
    void licencesAndStringsMapAsHuggingFaceExpects() {
        assertEquals("gpl-3.0", HuggingFaceCard.hfLicense("GPL-3.0-or-later"));
        assertEquals("cc-by-nc-sa-3.0", HuggingFaceCard.hfLicense("CC-BY-NC-SA-3.0"));
        assertEquals("other", HuggingFaceCard.hfLicense("LicenseRef-Stadt"));
        assertEquals("\"a\\\"b\\\\c\\nd\\u0007\"", HuggingFaceCard.quoted("a\"b\\c\nd\u0007"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> frontMatter(String md) {
        int end = md.indexOf("\n---\n", 4);
        return (Map<String, Object>)
                new Yaml(new SafeConstructor(new LoaderOptions())).load(md.substring(4, end + 1));
    }

    static Model model(String license, List<String> tags) {
        return new Model(
                "kihub/people-counter",
                "kihub",
                "people-counter",
                new LocalizedText("Personenzählung", "People counting"),
                new LocalizedText("Zählt Personen.", "Counts people."),
                "people-counting",
                "Sicherheit & Ordnung",
                license,
                null,
                null,
                tags,
                Visibility.PUBLIC,
                null,
                List.of(),
                WHEN,
                WHEN);
    }

    static ModelVersion version(ArtifactFormat format, String engine) {
        return new ModelVersion(
                "kihub/people-counter",
                "1.0.0",
                VersionStatus.PUBLISHED,
                null,
                null,
                null,
                WHEN,
                WHEN,
                WHEN,
                new ArtifactInfo("ab".repeat(32), format, 1234, engine, List.of(), List.of(), WHEN),
                List.of());
    }

    static ModelCard card() {
        return ModelCard.of(
                Map.of(
                        CardSection.INTENDED_USE,
                        new LocalizedText(
                                "Besucherströme zählen.", "Counting visitor flows *anonymously*."),
                        CardSection.QUANTITATIVE_ANALYSES,
                        new LocalizedText("Eigene Messung.", "Our own measurement.")));
    }

    static EvaluatedResult pets09() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("mae", 0.49);
        metrics.put("ap50", 0.907);
        return new EvaluatedResult(
                UUID.fromString("3f0c0000-0000-4000-8000-000000000001"),
                "w-hs/pets09",
                "PETS09-S2L1: \"frames\" 1-400 # view 1",
                "people-counting",
                Json.createObjectBuilder()
                        .add("scoreThreshold", 0.45)
                        .add("minBoxSize", 0.0)
                        .build(),
                metrics,
                WHEN,
                "public");
    }
}
