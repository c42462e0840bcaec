package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.model.Visibility;
import de.kihub.registry.version.VersionStatus;
import jakarta.json.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The helpers behind the model page, "Try it" and the researchers' form. */
class ModelPageHelpersTest {

    @Test
    void drawsTheBoxesIntoAPngDataUrlAndScalesLargeImagesDown() throws Exception {
        BufferedImage image = new BufferedImage(2560, 1000, BufferedImage.TYPE_INT_RGB);
        String url =
                AnnotatedImage.dataUrl(image, List.<double[]>of(new double[] {100, 100, 400, 400}));
        assertTrue(url.startsWith("data:image/png;base64,"), url);
        BufferedImage back =
                ImageIO.read(
                        new ByteArrayInputStream(
                                Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
        assertEquals(AnnotatedImage.MAX_SIDE, back.getWidth());
        assertEquals(500, back.getHeight());
        // the box's left edge at x = 50 (scaled by 1/2) is drawn, the inside stays black
        assertTrue(new Color(back.getRGB(50, 120)).getRed() > 200, "box edge drawn");
        assertEquals(0, back.getRGB(120, 120) & 0xFFFFFF);
    }

    @Test
    void boxesOutsideTheImageAreClipped() {
        BufferedImage image = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        BufferedImage out =
                AnnotatedImage.draw(image, List.<double[]>of(new double[] {-20, -20, 500, 500}));
        assertEquals(100, out.getWidth());
        assertEquals(80, out.getHeight());
    }

    @Test
    void sizesAreReadable() {
        assertEquals("999 B", Sizes.text(999, Locale.GERMAN));
        assertEquals("2,0 KiB", Sizes.text(2048, Locale.GERMAN));
        assertEquals("1.5 MiB", Sizes.text(1024 * 1024 * 3 / 2, Locale.ENGLISH));
    }

    @Test
    void newModelFormChecksEachFieldLikeTheRegistry() {
        ModelForm bad =
                ModelForm.read(
                        Map.of(
                                        "name", "Mein Modell",
                                        "displayNameDe", "",
                                        "displayNameEn", "Counter",
                                        "task", "dancing",
                                        "domain", "Umwelt",
                                        "license", "not a licence",
                                        "tags", "ok, <bad>",
                                        "visibility", "COMMUNITY")
                                ::get);
        assertEquals(
                List.of("name", "displayNameDe", "task", "license", "tags", "visibility"),
                List.copyOf(bad.errors().keySet()));
        assertEquals("research.error.required", bad.errors().get("displayNameDe"));

        ModelForm good =
                ModelForm.read(
                        Map.of(
                                        "name", "zaehler",
                                        "displayNameDe", " Zähler ",
                                        "displayNameEn", "Counter",
                                        "task", "people-counting",
                                        "domain", "Umwelt",
                                        "license", "MIT",
                                        "riskClass", "MINIMAL",
                                        "tags", "verkehr, fußgänger",
                                        "visibility", "PUBLIC")
                                ::get);
        assertTrue(good.valid(), good.errors().toString());
        var create = good.create();
        assertEquals("Zähler", create.displayName().de());
        assertEquals(List.of("verkehr", "fußgänger"), create.tags());
        assertEquals(Visibility.PUBLIC, create.visibility());
        assertNull(create.description());
        assertEquals(
                "research.error.exists",
                good.withError("name", "research.error.exists").errors().get("name"));
    }

    @Test
    void theCardShowsTheAskedOrNewestReleasedVersion() {
        var draft = ModelPagesTemplatesTest.version(VersionStatus.DRAFT, null);
        var published =
                new de.kihub.registry.version.ModelVersion(
                        "kihub/people-counter",
                        "0.9.0",
                        VersionStatus.PUBLISHED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ModelPagesTemplatesTest.ONNX,
                        List.of());
        assertEquals("0.9.0", ModelDetails.cardVersion(List.of(draft, published), null).version());
        assertEquals(
                "1.0.0", ModelDetails.cardVersion(List.of(draft, published), "1.0.0").version());
        assertEquals("1.0.0", ModelDetails.cardVersion(List.of(draft), "2.0.0").version());
        assertNull(ModelDetails.cardVersion(List.of(), null));
    }

    @Test
    void tryItOnlyForReleasedVersionsOfPublicCountingModels() {
        var published =
                new de.kihub.registry.version.ModelVersion(
                        "kihub/people-counter",
                        "1.0.0",
                        VersionStatus.PUBLISHED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ModelPagesTemplatesTest.ONNX,
                        List.of());
        var draft =
                ModelPagesTemplatesTest.version(VersionStatus.DRAFT, ModelPagesTemplatesTest.ONNX);
        assertEquals(
                "1.0.0",
                ModelPageServlet.tryItVersion(
                                ModelPagesTemplatesTest.model("people-counting", Visibility.PUBLIC),
                                List.of(draft, published))
                        .version());
        assertNull(
                ModelPageServlet.tryItVersion(
                        ModelPagesTemplatesTest.model("people-counting", Visibility.PRIVATE),
                        List.of(published)));
        assertNull(
                ModelPageServlet.tryItVersion(
                        ModelPagesTemplatesTest.model("object-detection", Visibility.PUBLIC),
                        List.of(published)));
        assertNull(
                ModelPageServlet.tryItVersion(
                        ModelPagesTemplatesTest.model("people-counting", Visibility.PUBLIC),
                        List.of(draft)));
    }

    @Test
    void evaluationMetricsAreTheSummaryNumbers() {
        var metrics =
                Json.createObjectBuilder()
                        .add("items", 10)
                        .add(
                                "summary",
                                Json.createObjectBuilder().add("mae", 0.5).add("rmse", 0.75))
                        .build();
        List<ModelDetails.Metric> m = ModelDetails.metrics(metrics, "de", Locale.GERMAN);
        assertEquals(2, m.size());
        assertEquals("mae", m.get(0).key());
        assertEquals("0,500", m.get(0).value());
        assertTrue(ModelDetails.metrics(null, "de", Locale.GERMAN).isEmpty());
    }
}
