package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import de.kihub.services.counting.Box;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetDecoder;
import de.kihub.services.counting.Pets09Frames;
import de.kihub.services.modelimport.onnx.ModelProto;
import de.kihub.services.modelimport.onnx.NodeProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The real NanoDet-m: converted to ONNX and run with ONNX Runtime, it must give what TensorFlow
 * gives for the original graph on the same input, for all six raw outputs.
 */
class NanoDetConversionTest {
    private static final List<String> OUTPUTS =
            List.of(
                    "Identity",
                    "Identity_1",
                    "Identity_2",
                    "Identity_3",
                    "Identity_4",
                    "Identity_5");
    private static final List<String> IMAGES = List.of("person.jpg", "basketball1.png");

    /** Real PETS09-S2L1 frames (768x576) besides the control photos. */
    private static final List<String> FRAMES =
            List.of("f0001.png", "f0101.png", "f0201.png", "f0301.png");

    private static final double TOLERANCE = 1e-4;

    private static Path data;
    private static NanoDetWeights weights;
    private static List<float[]> inputs;
    private static List<float[][]> reference;

    @BeforeAll
    static void runTensorFlowOnTheOriginalGraph() throws Exception {
        data = Path.of(System.getProperty(NanoDetWeights.DATA_PROPERTY, "../../shared/data"));
        if (!Files.isDirectory(data.resolve(NanoDetWeights.DATA_SUBDIRECTORY))) {
            fail(
                    "The shared test data is missing: no "
                            + data.resolve(NanoDetWeights.DATA_SUBDIRECTORY).toAbsolutePath()
                            + ". It lies beside the project checkout (../shared/data); point -D"
                            + NanoDetWeights.DATA_PROPERTY
                            + "=<dir> at it.");
        }
        weights = NanoDetWeights.verify(data.resolve(NanoDetWeights.DATA_SUBDIRECTORY));
        inputs = new ArrayList<>();
        for (String image : IMAGES) {
            inputs.add(NanoDetInput.of(data.resolve("controls").resolve(image)));
        }
        Path frames = Pets09Frames.directory();
        for (String frame : FRAMES) {
            inputs.add(NanoDetInput.of(frames.resolve(frame)));
        }
        reference = new ArrayList<>();
        try (Graph graph = new Graph()) {
            graph.importGraphDef(TfReferenceGraph.read(weights.modelJson()));
            try (Session session = new Session(graph)) {
                for (float[] input : inputs) {
                    reference.add(runTensorFlow(session, input));
                }
            }
        }
    }

    @AfterAll
    static void release() {
        reference = null;
        inputs = null;
    }

    @Test
    void cleanedConversionMatchesTensorFlow() throws Exception {
        ConversionResult result = TfjsToOnnx.convert(weights.modelJson());

        assertEquals(List.of("input_1"), result.inputNames());
        assertEquals(OUTPUTS, result.outputNames());
        assertMatchesTensorFlow("cleaned", result);
    }

    @Test
    void literalConversionMatchesTensorFlow() throws Exception {
        ConversionResult result = TfjsToOnnx.convertLiteral(weights.modelJson());

        assertEquals(OUTPUTS, result.outputNames());
        assertMatchesTensorFlow("literal", result);
    }

    @Test
    void onPets09FramesTheBoxesEqualThoseOfTensorFlow() throws Exception {
        ConversionResult result = TfjsToOnnx.convert(weights.modelJson());
        NanoDetDecoder decoder = new NanoDetDecoder(DetectionSettings.defaults());
        int compared = 0;
        try (OnnxRun run = new OnnxRun(result.onnxModel())) {
            for (int k = IMAGES.size(); k < inputs.size(); k++) {
                Map<String, OnnxRun.Output> out =
                        run.run("input_1", inputs.get(k), NanoDetInput.SHAPE);
                List<float[]> onnx = new ArrayList<>();
                OUTPUTS.forEach(name -> onnx.add(out.get(name).floats()));
                List<Detection> fromOnnx = decoder.decode(onnx, 768, 576);
                List<Detection> fromTf = decoder.decode(Arrays.asList(reference.get(k)), 768, 576);
                assertEquals(
                        fromTf.size(),
                        fromOnnx.size(),
                        "persons in " + FRAMES.get(k - IMAGES.size()));
                for (int i = 0; i < fromTf.size(); i++) {
                    Box a = fromOnnx.get(i).box();
                    Box b = fromTf.get(i).box();
                    double off =
                            Math.max(
                                    Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
                                    Math.max(Math.abs(a.w() - b.w()), Math.abs(a.h() - b.h())));
                    assertTrue(off < 0.01, "box " + i + " differs by " + off + " px");
                    assertEquals(fromTf.get(i).score(), fromOnnx.get(i).score(), 1e-4);
                    compared++;
                }
            }
        }
        System.out.println(
                "NanoDet-m on PETS09 frames "
                        + FRAMES
                        + ": "
                        + compared
                        + " boxes equal to TF Java");
        assertTrue(compared >= 12, "the frames show people: " + compared);
    }

    @Test
    void cleanUpLeavesOnlyTheOutputTransposesAndNoPadding() throws Exception {
        ConversionResult result = TfjsToOnnx.convert(weights.modelJson());

        Map<String, Integer> ops = new TreeMap<>();
        List<NodeProto> nodes = ModelProto.parseFrom(result.onnxModel()).getGraph().getNodeList();
        nodes.forEach(node -> ops.merge(node.getOpType(), 1, Integer::sum));
        System.out.println("NanoDet-m cleaned: " + result.nodeCount() + " nodes " + ops);
        assertEquals(nodes.size(), result.nodeCount());
        assertEquals(6, ops.get("Transpose"), "the six [0,2,1] output transposes stay");
        assertEquals(34, ops.get("Conv"));
        assertEquals(null, ops.get("Pad"), "zero pads go into Conv, the -inf pad into MaxPool");
        assertTrue(
                nodes.stream()
                        .filter(n -> n.getOpType().equals("Conv"))
                        .allMatch(n -> n.getInputCount() == 3),
                "every bias Add is folded into its Conv");
    }

    @Test
    void findsThePersonInThePersonImage() throws Exception {
        ConversionResult result = TfjsToOnnx.convert(weights.modelJson());

        float best = 0;
        try (OnnxRun run = new OnnxRun(result.onnxModel())) {
            Map<String, OnnxRun.Output> out = run.run("input_1", inputs.get(0), NanoDetInput.SHAPE);
            // class scores for strides 8, 16, 32: 80 per anchor point, class 0 = person
            for (String cls : OUTPUTS.subList(0, 3)) {
                float[] scores = out.get(cls).floats();
                for (int i = 0; i < scores.length; i += 80) {
                    best = Math.max(best, scores[i]);
                }
            }
        }
        assertTrue(best > 0.5f, "best person score " + best);
    }

    private static void assertMatchesTensorFlow(String variant, ConversionResult result)
            throws Exception {
        double[] worst = new double[OUTPUTS.size()];
        try (OnnxRun run = new OnnxRun(result.onnxModel())) {
            for (int k = 0; k < inputs.size(); k++) {
                Map<String, OnnxRun.Output> out =
                        run.run("input_1", inputs.get(k), NanoDetInput.SHAPE);
                for (int o = 0; o < OUTPUTS.size(); o++) {
                    float[] actual = out.get(OUTPUTS.get(o)).floats();
                    float[] expected = reference.get(k)[o];
                    assertEquals(expected.length, actual.length, OUTPUTS.get(o));
                    for (int i = 0; i < actual.length; i++) {
                        worst[o] = Math.max(worst[o], Math.abs(actual[i] - expected[i]));
                    }
                }
            }
        }
        StringBuilder report =
                new StringBuilder(
                        "NanoDet-m "
                                + variant
                                + ": "
                                + result.nodeCount()
                                + " nodes, max abs diff vs TF:");
        for (int o = 0; o < OUTPUTS.size(); o++) {
            report.append(String.format(Locale.ROOT, " %s=%.2e", OUTPUTS.get(o), worst[o]));
        }
        System.out.println(report);
        for (int o = 0; o < OUTPUTS.size(); o++) {
            assertTrue(worst[o] <= TOLERANCE, report.toString());
        }
    }

    private static float[][] runTensorFlow(Session session, float[] input) {
        float[][] outputs = new float[OUTPUTS.size()][];
        try (TFloat32 tensor =
                        TFloat32.tensorOf(
                                Shape.of(NanoDetInput.SHAPE), DataBuffers.of(input, true, false));
                Result result = fetchAll(session.runner().feed("input_1", tensor))) {
            for (int o = 0; o < outputs.length; o++) {
                TFloat32 value = (TFloat32) result.get(o);
                outputs[o] = new float[(int) value.size()];
                value.asRawTensor().data().asFloats().read(outputs[o]);
            }
        }
        return outputs;
    }

    private static Result fetchAll(Session.Runner runner) {
        OUTPUTS.forEach(runner::fetch);
        return runner.run();
    }
}
