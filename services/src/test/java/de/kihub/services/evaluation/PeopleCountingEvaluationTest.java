package de.kihub.services.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.counting.Box;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.datasets.DatasetContent;
import de.kihub.services.datasets.DatasetContent.GroundTruthBox;
import de.kihub.services.datasets.DatasetContent.MotFrame;
import de.kihub.services.datasets.InMemoryDatasetContent;
import de.kihub.services.evaluation.metrics.CrossingMetrics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PeopleCountingEvaluationTest {
    /** Top to bottom: "in" is right to left on the screen. */
    static final CountingApi.LineSpec GATE =
            new CountingApi.LineSpec("gate", new double[] {400, 0}, new double[] {400, 576});

    /** Two people crossing the gate, one each way, 10 px per frame, at different heights. */
    static final List<MotFrame> WALK = walk();

    /** Which detections the fake detector returns for each item (by the image's width - 1). */
    private final List<List<Detection>> answers = new ArrayList<>();

    private final List<DetectionSettings> asked = new ArrayList<>();

    private final PeopleCountingEvaluation evaluation =
            new PeopleCountingEvaluation(
                    (image, settings) -> {
                        asked.add(settings);
                        return answers.get(image.getWidth() - 1).stream()
                                .filter(d -> d.score() >= settings.scoreThreshold())
                                .filter(d -> settings.inRegion(d.box()))
                                .toList();
                    });

    @Test
    void comparesTheCountOfEachImageWithItsLabel() {
        InMemoryDatasetContent content =
                InMemoryDatasetContent.counts(
                        List.of(
                                new DatasetContent.CountingItem("a.png", 2),
                                new DatasetContent.CountingItem("b.png", 0),
                                new DatasetContent.CountingItem("c.png", 3)));
        int[] predicted = {2, 1, 5};
        for (int i = 0; i < predicted.length; i++) {
            content.with("abc".charAt(i) + ".png", png(i));
            answers.add(people(predicted[i], 0.9f));
        }

        EvaluationMetrics m = evaluation.run(content, config("{\"scoreThreshold\":0.5}"), none());

        assertEquals(3, m.items());
        assertEquals(1.0, m.counting().mae(), 1e-12);
        assertEquals(1.0, m.counting().meanBias(), 1e-12);
        assertEquals(100.0 / 3, m.counting().mape(), 1e-9);
        assertEquals(2, m.counting().mapeItems());
        assertNull(m.detection());
        assertNull(m.crossings());
        assertEquals(1.0, m.summary().get("mae"), 1e-12);
        assertTrue(asked.stream().allMatch(s -> s.scoreThreshold() == 0.5f));
    }

    @Test
    void countsDetectsAndTracksAMotSequenceAgainstItsAnnotatedTracks() {
        InMemoryDatasetContent content = InMemoryDatasetContent.mot(WALK, List.of(GATE));
        answersFromTruth(content);

        EvaluationMetrics m = evaluation.run(content, config("{}"), none());

        assertEquals(WALK.size(), m.items());
        assertEquals(0.0, m.counting().mae(), 1e-12);
        assertEquals(2.0, m.counting().meanTrue(), 1e-12);
        assertEquals(1.0, m.detection().precision(), 1e-12);
        assertEquals(1.0, m.detection().recall(), 1e-12);
        // the junk box in every frame ranks below every person, so AP stays 1
        assertEquals(1.0, m.detection().ap50(), 1e-12);
        assertEquals(3 * WALK.size(), m.detection().rankedDetections());
        assertEquals("dataset", m.linesFrom());
        assertEquals(
                List.of(
                        new CrossingMetrics.Entry("gate", "in", 1, 1, 0),
                        new CrossingMetrics.Entry("gate", "out", 1, 1, 0)),
                m.crossings().lines());
        assertEquals(0.0, m.summary().get("crossingMae"), 1e-12);
        // one pass per frame, down to the AP floor; the answer is filtered from it
        assertEquals(WALK.size(), asked.size());
        assertTrue(
                asked.stream()
                        .allMatch(
                                s ->
                                        s.scoreThreshold()
                                                == PeopleCountingEvaluation.AP_SCORE_FLOOR));
    }

    @Test
    void theConfigurationsLinesReplaceTheDatasets() {
        InMemoryDatasetContent content = InMemoryDatasetContent.mot(WALK, List.of(GATE));
        answersFromTruth(content);

        EvaluationMetrics m =
                evaluation.run(
                        content,
                        config(
                                "{\"lines\":[{\"name\":\"back\",\"from\":[400,576],"
                                        + "\"to\":[400,0]}]}"),
                        none());

        assertEquals("configuration", m.linesFrom());
        // the reversed line swaps in and out, for the tracker and for the truth alike
        assertEquals("back", m.crossings().lines().get(0).line());
        assertEquals(0.0, m.crossings().meanAbsoluteError(), 1e-12);
    }

    @Test
    void aRegionOfInterestLeavesPeopleOutsideItOutOfTheTruthToo() {
        InMemoryDatasetContent content = InMemoryDatasetContent.mot(WALK, List.of());
        answersFromTruth(content);

        // the upper band only: the person walking at y = 300 is inside, the one at 450 is not
        EvaluationMetrics m =
                evaluation.run(
                        content,
                        config("{\"regionOfInterest\":[[0,0],[768,0],[768,400],[0,400]]}"),
                        none());

        assertEquals(1.0, m.counting().meanTrue(), 1e-12);
        assertEquals(0.0, m.counting().mae(), 1e-12);
        assertNull(m.crossings(), "no lines, no crossings");
    }

    @Test
    void stopsBetweenItemsWhenCancelled() {
        InMemoryDatasetContent content = InMemoryDatasetContent.mot(WALK, List.of(GATE));
        answersFromTruth(content);
        int[] done = {0};
        EvaluationProgress cancelAfterTwo =
                new EvaluationProgress() {
                    @Override
                    public void done(int items, int total) {
                        done[0] = items;
                        assertEquals(WALK.size(), total);
                    }

                    @Override
                    public boolean cancelRequested() {
                        return done[0] >= 2;
                    }
                };

        assertThrows(
                EvaluationCancelledException.class,
                () -> evaluation.run(content, config("{}"), cancelAfterTwo));
        assertEquals(2, done[0]);
        assertEquals(2, asked.size());
    }

    @Test
    void namesAnImageThatCannotBeRead() {
        InMemoryDatasetContent content =
                InMemoryDatasetContent.counts(
                                List.of(new DatasetContent.CountingItem("broken.png", 1)))
                        .with("broken.png", new byte[] {1, 2, 3});

        var e =
                assertThrows(
                        de.kihub.registry.error.InvalidRequestException.class,
                        () -> evaluation.run(content, config("{}"), none()));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    /** Every frame: its annotated boxes as detections of score 0.9, and a junk box of 0.1. */
    private void answersFromTruth(InMemoryDatasetContent content) {
        for (int i = 0; i < WALK.size(); i++) {
            MotFrame f = WALK.get(i);
            content.with(f.file(), png(i));
            List<Detection> found = new ArrayList<>();
            f.boxes().forEach(b -> found.add(new Detection(box(b), 0.9f)));
            found.add(new Detection(new Box(700, 20, 30, 60), 0.1f));
            answers.add(found);
        }
    }

    private static List<MotFrame> walk() {
        List<MotFrame> frames = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            frames.add(
                    new MotFrame(
                            i + 1,
                            String.format("%06d.jpg", i + 1),
                            List.of(
                                    new GroundTruthBox(1, 490 - 10 * i, 240, 20, 60, true),
                                    new GroundTruthBox(2, 290 + 10 * i, 390, 20, 60, false))));
        }
        return frames;
    }

    private static Box box(GroundTruthBox b) {
        return new Box(b.left(), b.top(), b.width(), b.height());
    }

    private static List<Detection> people(int n, float score) {
        return Stream.iterate(0, i -> i + 1)
                .limit(n)
                .map(i -> new Detection(new Box(50.0 * i, 0, 20, 60), score))
                .toList();
    }

    static CountingEvaluationConfiguration config(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return CountingEvaluationConfiguration.parse(o);
        }
    }

    static EvaluationProgress none() {
        return new EvaluationProgress() {
            @Override
            public void done(int items, int total) {}

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };
    }

    /** A PNG {@code index + 1} pixels wide, so the fake detector knows which item it sees. */
    static byte[] png(int index) {
        BufferedImage image = new BufferedImage(index + 1, 1, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
