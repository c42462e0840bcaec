package de.kihub.services.counting.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetDecoder;
import de.kihub.services.counting.NanoDetOnnx;
import de.kihub.services.counting.Pets09Frames;
import de.kihub.services.runtime.RuntimeSettings;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector reuses its input image and tensor and reads outputs row by row so that a request
 * allocates no humongous array; these tests pin that it still finds exactly what the former
 * per-request arrays found: the same input values bit for bit, and the same detections (boxes and
 * scores compared exactly) on real PETS09 frames with the real NanoDet-m.
 */
class NanoDetReusedBuffersTest {
    private static Path onnx;

    @BeforeAll
    static void convert() throws Exception {
        onnx = NanoDetOnnx.convertToTempFile();
    }

    @AfterAll
    static void delete() throws Exception {
        if (onnx != null) {
            Files.deleteIfExists(onnx);
        }
    }

    @Test
    void aReusedInputHoldsExactlyTheValuesOfAFreshOneFrameAfterFrame() {
        NanoDetInput input = new NanoDetInput();
        Random random = new Random(7);
        List<BufferedImage> frames =
                List.of(
                        noise(768, 576, BufferedImage.TYPE_3BYTE_BGR, random),
                        // transparent where the last frame was drawn: must come out black
                        halfTransparent(640, 480, random),
                        noise(416, 416, BufferedImage.TYPE_INT_RGB, random),
                        noise(1280, 720, BufferedImage.TYPE_BYTE_GRAY, random),
                        noise(768, 576, BufferedImage.TYPE_3BYTE_BGR, random));
        for (BufferedImage frame : frames) {
            float[] reused = new float[3 * 416 * 416];
            input.fill(frame).get(0, reused);
            assertArrayEquals(formerTensor(frame), reused, "frame of type " + frame.getType());
        }
    }

    @Test
    void findsExactlyWhatFreshArraysPerRequestFoundOnPets09Frames() throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        for (int number = 1; number <= 400; number += 40) {
            frames.add(Pets09Frames.read(number));
        }
        List<DetectionSettings> settings =
                List.of(DetectionSettings.defaults(), new DetectionSettings(0.2f, 0.5f, 0, null));
        List<List<Detection>> former = new ArrayList<>();
        try (ZooModel<BufferedImage, List<float[]>> model = formerModel();
                Predictor<BufferedImage, List<float[]>> predictor = model.newPredictor()) {
            for (BufferedImage frame : frames) {
                List<float[]> outputs = predictor.predict(frame);
                for (DetectionSettings s : settings) {
                    former.add(
                            new NanoDetDecoder(s)
                                    .decode(outputs, frame.getWidth(), frame.getHeight()));
                }
            }
        }
        List<List<Detection>> now = new ArrayList<>();
        RuntimeSettings one = NanoDetOnnx.oneWorker(1);
        try (PersonDetector detector = new PersonDetector(onnx, one)) {
            // twice over the frames: the second pass runs on buffers the first one filled
            for (int pass = 0; pass < 2; pass++) {
                int k = 0;
                for (BufferedImage frame : frames) {
                    for (DetectionSettings s : settings) {
                        List<Detection> found = detector.detect(frame, s);
                        if (pass == 0) {
                            now.add(found);
                        } else {
                            assertEquals(now.get(k), found, "second pass, result " + k);
                        }
                        k++;
                    }
                }
            }
        }
        assertEquals(former, now);
        assertTrue(
                former.stream().mapToInt(List::size).sum() > 20,
                "the frames show people, so the comparison covers real boxes");
    }

    /** The former NanoDet-m translator: a new float[] per frame and one array per output. */
    private static ZooModel<BufferedImage, List<float[]>> formerModel() throws Exception {
        try {
            return Criteria.builder()
                    .setTypes(BufferedImage.class, (Class<List<float[]>>) (Class<?>) List.class)
                    .optEngine("OnnxRuntime")
                    .optModelPath(onnx)
                    .optTranslator(new FormerTranslator())
                    .optOption("optLevel", "ALL_OPT")
                    .optOption("interOpNumThreads", "1")
                    .optOption("intraOpNumThreads", "1")
                    .build()
                    .loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class FormerTranslator
            implements Translator<BufferedImage, List<float[]>> {
        @Override
        public Batchifier getBatchifier() {
            return null;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, BufferedImage image) {
            return new NDList(
                    ctx.getNDManager().create(formerTensor(image), new Shape(1, 3, 416, 416)));
        }

        @Override
        public List<float[]> processOutput(TranslatorContext ctx, NDList list) {
            List<float[]> outputs = new ArrayList<>();
            for (String name : NanoDetTranslator.OUTPUTS) {
                outputs.add(list.get(name).toFloatArray());
            }
            return outputs;
        }
    }

    /** NanoDetInput as it was before it reused its buffers, kept here as the reference. */
    private static float[] formerTensor(BufferedImage image) {
        int size = 416;
        float[] mean = {103.53f, 116.28f, 123.675f};
        float[] std = {57.375f, 57.12f, 58.395f};
        BufferedImage resized = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        byte[] bgr = ((DataBufferByte) resized.getRaster().getDataBuffer()).getData();
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = ((bgr[3 * p + c] & 0xff) - mean[c]) / std[c];
            }
        }
        return chw;
    }

    private static BufferedImage noise(int width, int height, int type, Random random) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static BufferedImage halfTransparent(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int alpha = x < width / 2 ? 0 : 0x80 + random.nextInt(0x80);
                image.setRGB(x, y, alpha << 24 | random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
