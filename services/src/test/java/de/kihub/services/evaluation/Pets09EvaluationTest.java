package de.kihub.services.evaluation;

import static de.kihub.services.counting.NanoDetOnnx.oneWorker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kihub.services.counting.CountingLine;
import de.kihub.services.counting.NanoDetOnnx;
import de.kihub.services.counting.Pets09Frames;
import de.kihub.services.counting.Pets09GroundTruth;
import de.kihub.services.counting.inference.PersonDetector;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.datasets.DatasetContent.GroundTruthBox;
import de.kihub.services.datasets.DatasetContent.MotFrame;
import de.kihub.services.datasets.InMemoryDatasetContent;
import de.kihub.services.evaluation.metrics.CrossingMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The acceptance numbers of the evaluation issue without a server: the shared NanoDet-m converted
 * as at the hub's first start, evaluated by {@link PeopleCountingEvaluation} on PETS09-S2L1 frames
 * 1-400 as a MOT dataset (the PNG frames, the MOTChallenge ground truth and the two lines of the
 * accuracy test as lines.json), must give the numbers docs/people-counting.md documents.
 */
class Pets09EvaluationTest {

    @Test
    void reproducesTheDocumentedCountErrorAndCrossingsOfThePeopleCounter() throws Exception {
        Path onnx = NanoDetOnnx.convertToTempFile();
        try (PersonDetector detector = new PersonDetector(onnx, oneWorker(2));
                InMemoryDatasetContent content = pets09();
                ExecutorService prefetch = Executors.newSingleThreadExecutor()) {
            long start = System.nanoTime();

            EvaluationMetrics m =
                    new PeopleCountingEvaluation(detector::detect, prefetch)
                            .run(
                                    content,
                                    PeopleCountingEvaluationTest.config(
                                            "{\"scoreThreshold\":0.45}"),
                                    PeopleCountingEvaluationTest.none());

            System.out.printf(
                    Locale.ROOT,
                    "PETS09-S2L1 evaluation in %.1f s: %s%n",
                    (System.nanoTime() - start) / 1e9,
                    m);
            assertEquals(400, m.items());
            assertEquals(0.490, m.counting().mae(), 0.0005);
            assertEquals(5.99, m.counting().meanTrue(), 0.005);
            assertEquals(5.77, m.counting().meanPredicted(), 0.005);
            assertEquals(
                    List.of(
                            new CrossingMetrics.Entry("x=400", "in", 7, 9, -2),
                            new CrossingMetrics.Entry("x=400", "out", 6, 7, -1),
                            new CrossingMetrics.Entry("y=300", "in", 7, 7, 0),
                            new CrossingMetrics.Entry("y=300", "out", 9, 10, -1)),
                    m.crossings().lines());
        } finally {
            Files.deleteIfExists(onnx);
        }
    }

    /** Frames 1-400 with all annotated boxes and the accuracy test's lines as lines.json. */
    static InMemoryDatasetContent pets09() {
        Path frames = Pets09Frames.directory();
        List<List<GroundTruthBox>> boxes = new ArrayList<>();
        for (int i = 0; i < Pets09Frames.COUNT; i++) {
            boxes.add(new ArrayList<>());
        }
        for (Pets09GroundTruth.Annotation a : Pets09GroundTruth.read(false)) {
            boxes.get(a.frame() - 1)
                    .add(
                            new GroundTruthBox(
                                    a.id(),
                                    a.box().x(),
                                    a.box().y(),
                                    a.box().w(),
                                    a.box().h(),
                                    true));
        }
        List<MotFrame> mot = new ArrayList<>();
        for (int frame : Pets09Frames.numbers()) {
            mot.add(
                    new MotFrame(
                            frame,
                            String.format(Locale.ROOT, "f%04d.png", frame),
                            boxes.get(frame - 1)));
        }
        List<CountingApi.LineSpec> lines = new ArrayList<>();
        for (CountingLine l : Pets09GroundTruth.LINES) {
            lines.add(
                    new CountingApi.LineSpec(
                            l.name(),
                            new double[] {l.from().x(), l.from().y()},
                            new double[] {l.to().x(), l.to().y()}));
        }
        InMemoryDatasetContent content = InMemoryDatasetContent.mot(mot, lines);
        mot.forEach(f -> content.with(f.file(), frames.resolve(f.file())));
        return content;
    }
}
