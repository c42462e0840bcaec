package de.kihub.services.classification;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything needed to run one model version as an image classifier: the ONNX file, its class names
 * in the order of its scores, and its preprocessing.
 *
 * @param modelSha256 the ONNX file in the artifact store
 * @param labels the class of each score, in index order
 * @param labelsSha256 the labels file the names were read from
 * @param preprocessing how an image becomes the input tensor, and whether scores need a softmax
 */
public record ClassifierSpec(
        String modelSha256, List<String> labels, String labelsSha256, Preprocessing preprocessing) {

    public ClassifierSpec {
        labels = List.copyOf(labels);
    }

    /**
     * The settings as stored with an evaluation and shown in its provenance: the labels file (name,
     * sha256, number of classes) and the complete preprocessing, defaults filled in.
     */
    public JsonObject configuration() {
        Preprocessing p = preprocessing;
        return Json.createObjectBuilder()
                .add(ClassifierConvention.LABELS_KEY, ClassifierConvention.LABELS_FILE)
                .add(ClassifierConvention.LABELS_SHA_KEY, labelsSha256)
                .add(ClassifierConvention.CLASSES_KEY, labels.size())
                .add("layout", p.layout().name())
                .add("width", p.width())
                .add("height", p.height())
                .add("resize", p.resize().key())
                .add("channels", p.channels().name())
                .add("range", p.range().key())
                .add("mean", numbers(p.mean()))
                .add("std", numbers(p.std()))
                .add("output", p.output().key())
                .build();
    }

    /** The key of the loaded classifier: the file and everything that shapes its answers. */
    String key() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(configuration().toString().getBytes(StandardCharsets.UTF_8));
            return modelSha256 + ":" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonArrayBuilder numbers(List<Double> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        // shortest decimal that reads back as the same value: 0.485, not 0.48500001430511475
        values.forEach(v -> array.add(new BigDecimal(Double.toString(v))));
        return array;
    }
}
