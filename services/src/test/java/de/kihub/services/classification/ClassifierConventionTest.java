package de.kihub.services.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.TensorDescription;
import de.kihub.services.classification.Preprocessing.ChannelOrder;
import de.kihub.services.classification.Preprocessing.Layout;
import de.kihub.services.classification.Preprocessing.Output;
import de.kihub.services.classification.Preprocessing.PixelRange;
import de.kihub.services.classification.Preprocessing.Resize;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierConventionTest {
    private static final String SHA = "b".repeat(64);
    private static final String LABELS_SHA = "c".repeat(64);

    private static ClassifierSpec resolve(ArtifactInfo artifact, String labels, String json) {
        return ClassifierConvention.resolve(
                "w-hs/colours 1.0.0", artifact, LABELS_SHA, labels, json);
    }

    private static String refused(ArtifactInfo artifact, String labels, String json) {
        String message =
                assertThrows(InvalidArtifactException.class, () -> resolve(artifact, labels, json))
                        .getMessage();
        assertTrue(
                message.startsWith("w-hs/colours 1.0.0 cannot be used as an image classifier: "),
                message);
        return message;
    }

    @Test
    void takesLayoutAndSizeFromTheSignatureAndDefaultsForTheRest() {
        ClassifierSpec spec =
                resolve(ColourClassifier.artifact(SHA), "red\ngreen\r\nblue\n\n", null);

        assertEquals(List.of("red", "green", "blue"), spec.labels());
        assertEquals(SHA, spec.modelSha256());
        assertEquals(LABELS_SHA, spec.labelsSha256());
        assertEquals(
                new Preprocessing(
                        Layout.NCHW,
                        32,
                        32,
                        Resize.STRETCH,
                        ChannelOrder.RGB,
                        PixelRange.UNIT,
                        List.of(0.0, 0.0, 0.0),
                        List.of(1.0, 1.0, 1.0),
                        Output.LOGITS),
                spec.preprocessing());
    }

    @Test
    void readsChannelsLastAndWhatPreprocessingJsonAdds() {
        ArtifactInfo nhwc =
                ColourClassifier.artifact(SHA, List.of(-1L, -1L, -1L, 3L), List.of(-1L, 3L));

        ClassifierSpec spec =
                resolve(
                        nhwc,
                        ColourClassifier.LABELS_TEXT,
                        "{\"width\":224,\"height\":200,\"resize\":\"center-crop\",\"channels\":\"BGR\","
                                + "\"range\":\"0-255\",\"mean\":[103.94,116.78,123.68],"
                                + "\"std\":[57.4,57.1,58.4],\"output\":\"probabilities\"}");

        Preprocessing p = spec.preprocessing();
        assertEquals(Layout.NHWC, p.layout());
        assertEquals(224, p.width());
        assertEquals(200, p.height());
        assertEquals(Resize.CENTER_CROP, p.resize());
        assertEquals(ChannelOrder.BGR, p.channels());
        assertEquals(PixelRange.BYTE, p.range());
        assertEquals(List.of(103.94, 116.78, 123.68), p.mean());
        assertEquals(List.of(57.4, 57.1, 58.4), p.std());
        assertEquals(Output.PROBABILITIES, p.output());
    }

    @Test
    void theStoredConfigurationGivesTheSameClassifierBack() {
        ClassifierSpec spec =
                resolve(
                        ColourClassifier.artifact(SHA),
                        ColourClassifier.LABELS_TEXT,
                        "{\"mean\":[0.485,0.456,0.406],\"std\":[0.229,0.224,0.225]}");

        ClassifierSpec back =
                ClassifierConvention.fromConfiguration(
                        SHA, spec.configuration(), ColourClassifier.LABELS_TEXT);

        assertEquals(spec, back);
        assertEquals(spec.key(), back.key());
        assertEquals(
                "{\"labels\":\"labels.txt\",\"labelsSha256\":\""
                        + LABELS_SHA
                        + "\",\"classes\":3,\"layout\":\"NCHW\",\"width\":32,\"height\":32,"
                        + "\"resize\":\"stretch\",\"channels\":\"RGB\",\"range\":\"0-1\","
                        + "\"mean\":[0.485,0.456,0.406],\"std\":[0.229,0.224,0.225],"
                        + "\"output\":\"logits\"}",
                spec.configuration().toString());
    }

    @Test
    void aVersionWithoutLabelsIsRefusedWithWhatToUpload() {
        String message = refused(ColourClassifier.artifact(SHA), null, null);

        assertTrue(message.contains("has no labels.txt"), message);
        assertTrue(message.contains("files/labels.txt"), message);
    }

    @Test
    void anOutputThatDoesNotGiveOneScorePerLabelIsRefused() {
        String message =
                refused(ColourClassifier.artifact(SHA), "red\ngreen\nblue\npurple\n", null);

        assertTrue(message.contains("gives 3 scores, but labels.txt names 4 classes"), message);
    }

    @Test
    void labelsMustBeUniqueWithoutGapsAndAtLeastTwo() {
        ArtifactInfo a = ColourClassifier.artifact(SHA);
        assertTrue(refused(a, "red\n\nblue\n", null).contains("labels.txt line 2 is empty"));
        assertTrue(
                refused(a, "red\ngreen\nred\n", null)
                        .contains("labels.txt line 3 names 'red' a second time"));
        assertTrue(refused(a, "red\n", null).contains("at least two"));
    }

    @Test
    void onlyASingleOnnxFileWithOneFloatImageInputIsAClassifier() {
        ArtifactInfo archive =
                new ArtifactInfo(
                        SHA,
                        ArtifactFormat.DJL_ARCHIVE,
                        1,
                        null,
                        List.of(),
                        List.of(),
                        Instant.EPOCH);
        assertTrue(refused(archive, "a\nb\n", null).contains("is DJL_ARCHIVE"));

        ArtifactInfo bytes =
                new ArtifactInfo(
                        SHA,
                        ArtifactFormat.ONNX,
                        1,
                        "OnnxRuntime",
                        List.of(new TensorDescription("x", "uint8", List.of(1L, 3L, 8L, 8L))),
                        List.of(new TensorDescription("y", "float32", List.of(1L, 3L))),
                        Instant.EPOCH);
        assertTrue(refused(bytes, ColourClassifier.LABELS_TEXT, null).contains("not float32"));

        ArtifactInfo vector = ColourClassifier.artifact(SHA, List.of(1L, 3L), List.of(1L, 3L));
        assertTrue(refused(vector, ColourClassifier.LABELS_TEXT, null).contains("not one image"));

        ArtifactInfo grey =
                ColourClassifier.artifact(SHA, List.of(1L, 1L, 8L, 8L), List.of(1L, 3L));
        assertTrue(
                refused(grey, ColourClassifier.LABELS_TEXT, null)
                        .contains("no dimension of 3 colour channels"));
    }

    @Test
    void aDynamicSizeNeedsPreprocessingJsonAndAFixedOneMustAgreeWithIt() {
        ArtifactInfo dynamic =
                ColourClassifier.artifact(SHA, List.of(1L, 3L, -1L, -1L), List.of(1L, 3L));
        assertTrue(
                refused(dynamic, ColourClassifier.LABELS_TEXT, null)
                        .contains("dynamic height; say which the model was trained for"));
        assertTrue(
                refused(
                                ColourClassifier.artifact(SHA),
                                ColourClassifier.LABELS_TEXT,
                                "{\"width\":64}")
                        .contains("preprocessing.json says width 64, but its input"));
    }

    @Test
    void preprocessingJsonIsCheckedFieldByField() {
        ArtifactInfo a = ColourClassifier.artifact(SHA);
        String labels = ColourClassifier.LABELS_TEXT;
        assertTrue(refused(a, labels, "{\"scale\":255}").contains("unknown field(s) [scale]"));
        assertTrue(refused(a, labels, "{\"std\":[1,0,1]}").contains("'std' is [1,0,1]"));
        assertTrue(refused(a, labels, "{\"mean\":[1,2]}").contains("'mean' is [1,2]"));
        assertTrue(
                refused(a, labels, "{\"channels\":\"rgb\"}")
                        .contains("use one of \"RGB\", \"BGR\""));
        assertTrue(refused(a, labels, "{\"width\":0}").contains("'width' is 0"));
        assertTrue(refused(a, labels, "[1]").contains("not a JSON object"));
        assertTrue(refused(a, labels, "{").contains("not valid JSON"));
    }
}
