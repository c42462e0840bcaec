package de.kihub.services.classification;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.artifact.TestOnnx;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.TensorDescription;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A small but real image classifier for tests: ONNX (ReduceMean over the image, then Gemm) whose
 * logits are {@link #GAIN} times the mean of each colour channel (0 to 1), so a reddish image is
 * "red", and the exact probabilities of any uniform image are known: the softmax of {@code GAIN x
 * (r, g, b) / 255}.
 */
public final class ColourClassifier {
    public static final List<String> LABELS = List.of("red", "green", "blue");
    public static final String LABELS_TEXT = "red\ngreen\nblue\n";
    public static final float GAIN = 10f;
    public static final int SIZE = 32;

    private static final float[][] WEIGHTS = {{GAIN, 0, 0}, {0, GAIN, 0}, {0, 0, GAIN}};
    private static final float[] BIAS = {0, 0, 0};

    private ColourClassifier() {}

    /** NCHW [1, 3, 32, 32] -> logits [1, 3]. */
    public static byte[] onnx() {
        return TestOnnx.meanColourClassifier(
                List.of(1L, 3L, (long) SIZE, (long) SIZE), false, WEIGHTS, BIAS, List.of(1L, 3L));
    }

    /** NHWC with the given input and output dimensions (Long, or String for dynamic ones). */
    public static byte[] onnxChannelsLast(List<?> inputDims, List<?> outputDims) {
        return TestOnnx.meanColourClassifier(inputDims, true, WEIGHTS, BIAS, outputDims);
    }

    /** The signature the upload inspection records for {@link #onnx()}. */
    public static ArtifactInfo artifact(String sha256) {
        return artifact(
                sha256,
                List.of(1L, 3L, (long) SIZE, (long) SIZE),
                List.of(1L, (long) LABELS.size()));
    }

    public static ArtifactInfo artifact(String sha256, List<Long> input, List<Long> output) {
        return new ArtifactInfo(
                sha256,
                ArtifactFormat.ONNX,
                1000,
                "OnnxRuntime",
                List.of(new TensorDescription("x", "float32", input)),
                List.of(new TensorDescription("logits", "float32", output)),
                Instant.EPOCH);
    }

    /** The classifier of {@link #onnx()} with labels.txt and an optional preprocessing.json. */
    public static ClassifierSpec spec(String sha256, String preprocessingJson) {
        return ClassifierConvention.resolve(
                "test/colours 1.0.0",
                artifact(sha256),
                "a".repeat(64),
                LABELS_TEXT,
                preprocessingJson);
    }

    public static Path write(Path dir, String name, byte[] onnx) throws IOException {
        return Files.write(dir.resolve(name), onnx);
    }

    /** A uniform image of one colour. */
    public static BufferedImage image(Color colour, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(colour);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A photo-like image: mostly {@code colour}, with a stripe of grey across it, encoded as PNG or
     * JPEG.
     */
    public static byte[] encoded(Color colour, int width, int height, String format) {
        BufferedImage image = image(colour, width, height);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.GRAY);
            g.fillRect(0, height / 3, width, Math.max(1, height / 8));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The softmax of the logits of a uniform image of (r, g, b). */
    public static double[] probabilities(int r, int g, int b) {
        double[] logits = {GAIN * r / 255.0, GAIN * g / 255.0, GAIN * b / 255.0};
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double sum = 0;
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < 3; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
