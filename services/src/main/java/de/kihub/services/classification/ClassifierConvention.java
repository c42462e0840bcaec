package de.kihub.services.classification;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.TensorDescription;
import de.kihub.services.classification.Preprocessing.ChannelOrder;
import de.kihub.services.classification.Preprocessing.Layout;
import de.kihub.services.classification.Preprocessing.Output;
import de.kihub.services.classification.Preprocessing.PixelRange;
import de.kihub.services.classification.Preprocessing.Resize;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a model version says that it is an image classifier (docs/evaluation.md, "Classification
 * models"): a single ONNX file as its artifact, whose one input takes float images with 3 colour
 * channels, NCHW or NHWC; the extra file {@code labels.txt} with one class per line in the order of
 * the model's scores; optionally the extra file {@code preprocessing.json} with what the signature
 * cannot say. Everything is checked here, before a job is queued; a problem is an {@link
 * InvalidArtifactException} (422) that names it.
 */
public final class ClassifierConvention {
    public static final String LABELS_FILE = "labels.txt";
    public static final String PREPROCESSING_FILE = "preprocessing.json";

    static final String LABELS_KEY = "labels";
    static final String LABELS_SHA_KEY = "labelsSha256";
    static final String CLASSES_KEY = "classes";

    /** Keys of preprocessing.json. */
    static final Set<String> PREPROCESSING_KEYS =
            Set.of(
                    "layout",
                    "width",
                    "height",
                    "resize",
                    "channels",
                    "range",
                    "mean",
                    "std",
                    "output");

    /** The largest input side the hub feeds; far above any classifier's (224 to 600). */
    public static final int MAX_SIDE = 4096;

    public static final int MAX_LABEL_LENGTH = 200;

    private ClassifierConvention() {}

    /**
     * The classifier a model version describes.
     *
     * @param version the version for messages, e.g. {@code w-hs/colours 1.0.0}
     * @param artifact the version's inspected artifact
     * @param labelsSha256 the sha256 of its labels.txt, null if it has none
     * @param labelsText the content of labels.txt, null if it has none
     * @param preprocessingText the content of preprocessing.json, null if it has none
     * @throws InvalidArtifactException naming the first reason why it cannot classify images
     */
    public static ClassifierSpec resolve(
            String version,
            ArtifactInfo artifact,
            String labelsSha256,
            String labelsText,
            String preprocessingText) {
        String prefix = version + " cannot be used as an image classifier: ";
        if (artifact == null) {
            throw new InvalidArtifactException(prefix + "it has no model file.");
        }
        if (artifact.format() != ArtifactFormat.ONNX) {
            throw new InvalidArtifactException(
                    prefix
                            + "its model file is "
                            + artifact.format()
                            + "; a classifier is a single ONNX file (with "
                            + LABELS_FILE
                            + " as an extra file of the version).");
        }
        if (labelsText == null) {
            throw new InvalidArtifactException(
                    prefix
                            + "it has no "
                            + LABELS_FILE
                            + ". Add the class names, one per line in the order of the model's"
                            + " scores, as the extra file "
                            + LABELS_FILE
                            + " (PUT .../versions/{version}/files/"
                            + LABELS_FILE
                            + " while the version is a draft).");
        }
        List<String> labels = labels(prefix, labelsText);
        Declared declared =
                preprocessingText == null
                        ? Declared.NONE
                        : declared(prefix + PREPROCESSING_FILE, parse(prefix, preprocessingText));
        if (artifact.inputs().size() != 1) {
            throw new InvalidArtifactException(
                    prefix
                            + "a classifier has exactly one input (the image), this model has "
                            + describe(artifact.inputs())
                            + ".");
        }
        Preprocessing preprocessing = preprocessing(prefix, artifact.inputs().get(0), declared);
        requireScores(prefix, artifact.outputs(), labels.size());
        return new ClassifierSpec(artifact.sha256(), labels, labelsSha256, preprocessing);
    }

    /**
     * The classifier as an evaluation stored it ({@link ClassifierSpec#configuration()}), with the
     * labels read again from the store by their sha256.
     */
    public static ClassifierSpec fromConfiguration(
            String modelSha256, JsonObject configuration, String labelsText) {
        String prefix = "The stored classifier configuration is not usable: ";
        List<String> labels = labels(prefix, labelsText);
        if (labels.size() != configuration.getInt(CLASSES_KEY)) {
            throw new IllegalStateException(
                    prefix + "it names " + configuration.getInt(CLASSES_KEY) + " classes");
        }
        JsonObject settings =
                Json.createObjectBuilder(configuration)
                        .remove(LABELS_KEY)
                        .remove(LABELS_SHA_KEY)
                        .remove(CLASSES_KEY)
                        .build();
        Declared d = declared(prefix, settings);
        return new ClassifierSpec(
                modelSha256,
                labels,
                configuration.getString(LABELS_SHA_KEY),
                new Preprocessing(
                        d.layout,
                        d.width,
                        d.height,
                        d.resize,
                        d.channels,
                        d.range,
                        d.mean,
                        d.std,
                        d.output));
    }

    /**
     * The class names of a labels file: one per line (UTF-8, {@code \n} or {@code \r\n}), spaces
     * around a name ignored, trailing blank lines ignored; at least two, each unique and not blank.
     */
    static List<String> labels(String prefix, String text) {
        String[] lines = text.split("\r?\n", -1);
        int last = lines.length;
        while (last > 0 && lines[last - 1].isBlank()) {
            last--;
        }
        List<String> labels = new ArrayList<>(last);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < last; i++) {
            String label = lines[i].strip();
            String where = prefix + LABELS_FILE + " line " + (i + 1);
            if (label.isEmpty()) {
                throw new InvalidArtifactException(
                        where + " is empty; every line up to the last names a class.");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new InvalidArtifactException(
                        where + " is longer than " + MAX_LABEL_LENGTH + " characters.");
            }
            if (!seen.add(label)) {
                throw new InvalidArtifactException(
                        where + " names '" + label + "' a second time; class names are unique.");
            }
            labels.add(label);
        }
        if (labels.size() < 2) {
            throw new InvalidArtifactException(
                    prefix
                            + LABELS_FILE
                            + " names "
                            + labels.size()
                            + " class(es); a classifier tells at least two apart.");
        }
        return labels;
    }

    private static JsonObject parse(String prefix, String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            throw new InvalidArtifactException(
                    prefix + PREPROCESSING_FILE + " is not valid JSON (" + e.getMessage() + ").");
        }
        throw new InvalidArtifactException(prefix + PREPROCESSING_FILE + " is not a JSON object.");
    }

    /** What preprocessing.json says; null where it says nothing. */
    record Declared(
            Layout layout,
            Integer width,
            Integer height,
            Resize resize,
            ChannelOrder channels,
            PixelRange range,
            List<Double> mean,
            List<Double> std,
            Output output) {
        static final Declared NONE =
                new Declared(null, null, null, null, null, null, null, null, null);
    }

    static Declared declared(String where, JsonObject o) {
        Set<String> unknown = new TreeSet<>(o.keySet());
        unknown.removeAll(PREPROCESSING_KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidArtifactException(
                    where
                            + ": unknown field(s) "
                            + unknown
                            + "; known are "
                            + new TreeSet<>(PREPROCESSING_KEYS)
                            + ".");
        }
        return new Declared(
                choice(where, o, "layout", Layout.values(), Layout::name),
                side(where, o, "width"),
                side(where, o, "height"),
                choice(where, o, "resize", Resize.values(), Resize::key),
                choice(where, o, "channels", ChannelOrder.values(), ChannelOrder::name),
                choice(where, o, "range", PixelRange.values(), PixelRange::key),
                triple(where, o, "mean", false),
                triple(where, o, "std", true),
                choice(where, o, "output", Output.values(), Output::key));
    }

    private static <E> E choice(
            String where, JsonObject o, String key, E[] values, Function<E, String> name) {
        if (!o.containsKey(key)) {
            return null;
        }
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            for (E e : values) {
                if (name.apply(e).equals(s.getString())) {
                    return e;
                }
            }
        }
        throw new InvalidArtifactException(
                where
                        + ": '"
                        + key
                        + "' is "
                        + v
                        + "; use one of "
                        + Arrays.stream(values)
                                .map(name)
                                .map(n -> "\"" + n + "\"")
                                .collect(Collectors.joining(", "))
                        + ".");
    }

    private static Integer side(String where, JsonObject o, String key) {
        if (!o.containsKey(key)) {
            return null;
        }
        if (o.get(key) instanceof JsonNumber n
                && n.isIntegral()
                && n.longValue() >= 1
                && n.longValue() <= MAX_SIDE) {
            return n.intValue();
        }
        throw new InvalidArtifactException(
                where
                        + ": '"
                        + key
                        + "' is "
                        + o.get(key)
                        + "; it is the input's "
                        + key
                        + " in pixels, a whole number from 1 to "
                        + MAX_SIDE
                        + ".");
    }

    private static List<Double> triple(String where, JsonObject o, String key, boolean positive) {
        if (!o.containsKey(key)) {
            return null;
        }
        if (o.get(key) instanceof JsonArray a
                && a.size() == 3
                && a.stream().allMatch(v -> v instanceof JsonNumber)) {
            List<Double> values =
                    a.getValuesAs(JsonNumber.class).stream().map(JsonNumber::doubleValue).toList();
            if (values.stream().allMatch(v -> Double.isFinite(v) && (!positive || v > 0))) {
                return values;
            }
        }
        throw new InvalidArtifactException(
                where
                        + ": '"
                        + key
                        + "' is "
                        + o.get(key)
                        + "; it is one "
                        + (positive ? "positive " : "")
                        + "number per colour channel, e.g. "
                        + (positive ? "[0.229, 0.224, 0.225]" : "[0.485, 0.456, 0.406]")
                        + ", in the order of 'channels' and the units of 'range'.");
    }

    /** The input tensor's layout and size from the signature and preprocessing.json together. */
    static Preprocessing preprocessing(String prefix, TensorDescription input, Declared d) {
        String tensor = "its input " + describe(List.of(input));
        if (!"float32".equals(input.dataType())) {
            throw new InvalidArtifactException(
                    prefix + tensor + " is not float32; the hub feeds float32 images.");
        }
        List<Long> dims = input.shape();
        if (dims.size() != 4 || !(dims.get(0) == 1 || dims.get(0) < 0)) {
            throw new InvalidArtifactException(
                    prefix
                            + tensor
                            + " is not one image: expected [1, 3, height, width] (NCHW) or [1,"
                            + " height, width, 3] (NHWC), the first dimension 1 or dynamic.");
        }
        Layout layout = d.layout;
        if (layout == null) {
            layout = dims.get(1) == 3 ? Layout.NCHW : dims.get(3) == 3 ? Layout.NHWC : null;
        }
        if (layout == null) {
            throw new InvalidArtifactException(
                    prefix
                            + tensor
                            + " has no dimension of 3 colour channels at position 1 (NCHW) or 3"
                            + " (NHWC); if it is dynamic, say which with \"layout\" in "
                            + PREPROCESSING_FILE
                            + ".");
        }
        boolean first = layout == Layout.NCHW;
        long channels = dims.get(first ? 1 : 3);
        if (channels != 3 && channels >= 0) {
            throw new InvalidArtifactException(
                    prefix
                            + tensor
                            + " has "
                            + channels
                            + " channels where "
                            + layout
                            + " has them; the hub feeds 3 colour channels.");
        }
        int height = size(prefix, tensor, "height", dims.get(first ? 2 : 1), d.height);
        int width = size(prefix, tensor, "width", dims.get(first ? 3 : 2), d.width);
        return new Preprocessing(
                layout,
                width,
                height,
                d.resize == null ? Resize.STRETCH : d.resize,
                d.channels == null ? ChannelOrder.RGB : d.channels,
                d.range == null ? PixelRange.UNIT : d.range,
                d.mean == null ? List.of(0.0, 0.0, 0.0) : d.mean,
                d.std == null ? List.of(1.0, 1.0, 1.0) : d.std,
                d.output == null ? Output.LOGITS : d.output);
    }

    private static int size(
            String prefix, String tensor, String name, long fromModel, Integer declared) {
        if (fromModel >= 0) {
            if (fromModel < 1 || fromModel > MAX_SIDE) {
                throw new InvalidArtifactException(
                        prefix
                                + tensor
                                + " has a "
                                + name
                                + " of "
                                + fromModel
                                + " pixels; the hub feeds 1 to "
                                + MAX_SIDE
                                + ".");
            }
            if (declared != null && declared != fromModel) {
                throw new InvalidArtifactException(
                        prefix
                                + PREPROCESSING_FILE
                                + " says "
                                + name
                                + " "
                                + declared
                                + ", but "
                                + tensor
                                + " fixes it at "
                                + fromModel
                                + ".");
            }
            return (int) fromModel;
        }
        if (declared == null) {
            throw new InvalidArtifactException(
                    prefix
                            + tensor
                            + " has a dynamic "
                            + name
                            + "; say which the model was trained for with \""
                            + name
                            + "\" in "
                            + PREPROCESSING_FILE
                            + ".");
        }
        return declared;
    }

    /** The first output gives one score per class (checked here if its shape is fixed). */
    static void requireScores(String prefix, List<TensorDescription> outputs, int classes) {
        if (outputs.isEmpty()) {
            throw new InvalidArtifactException(prefix + "it declares no output.");
        }
        TensorDescription scores = outputs.get(0);
        if (scores.shape().stream().anyMatch(d -> d < 0)) {
            return; // a dynamic dimension: the warm-up inference checks the number of scores
        }
        long n = scores.shape().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        if (n != classes) {
            throw new InvalidArtifactException(
                    prefix
                            + "its output "
                            + describe(List.of(scores))
                            + " gives "
                            + n
                            + " scores, but "
                            + LABELS_FILE
                            + " names "
                            + classes
                            + " classes; they must match one to one.");
        }
    }

    static String describe(List<TensorDescription> tensors) {
        if (tensors.isEmpty()) {
            return "no inputs";
        }
        return tensors.stream()
                .map(t -> "'" + t.name() + "' " + t.dataType() + " " + t.shape())
                .collect(Collectors.joining(", "));
    }

    /** For messages about unknown classes: the first few labels. */
    public static String sample(List<String> labels) {
        int shown = Math.min(10, labels.size());
        String list = String.join(", ", labels.subList(0, shown));
        return labels.size() > shown
                ? list + String.format(Locale.ROOT, ", ... (%d in all)", labels.size())
                : list;
    }
}
