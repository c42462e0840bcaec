package de.kihub.services.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.model.Visibility;
import de.kihub.services.counting.SharedTestData;
import de.kihub.services.datasets.DatasetContent.ClassificationItem;
import de.kihub.services.datasets.DatasetContent.CountingItem;
import de.kihub.services.datasets.DatasetContent.MotFrame;
import de.kihub.services.imaging.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetValidationTest {
    static final String LINES =
            "{\"lines\":[{\"name\":\"x400\",\"from\":[400,0],\"to\":[400,576]}]}";

    @TempDir Path dir;

    DatasetIndex validate(DatasetFormat format, TestArchive archive) throws IOException {
        Path file = archive.writeTo(Files.createTempFile(dir, "dataset-", ".zip"));
        return DatasetValidation.validate(file, format, 1L << 30, ImageDecoder.defaults());
    }

    String refusal(DatasetFormat format, TestArchive archive) {
        return assertThrows(InvalidArtifactException.class, () -> validate(format, archive))
                .getMessage();
    }

    static TestArchive controls(String labels) {
        return new TestArchive()
                .add("labels.csv", labels)
                .control("person.jpg", "person.jpg")
                .control("img/basketball1.png", "basketball1.png")
                .control("horses.jpg", "horses.jpg");
    }

    @Test
    void countingDatasetListsItsImagesInTheOrderOfLabelsCsv() throws IOException {
        DatasetIndex index =
                validate(
                        DatasetFormat.COUNTS_CSV,
                        controls(
                                "file,count\nperson.jpg,1\nimg/basketball1.png,2\n\nhorses.jpg,0\n"));

        assertEquals(
                List.of(
                        new CountingItem("person.jpg", 1),
                        new CountingItem("img/basketball1.png", 2),
                        new CountingItem("horses.jpg", 0)),
                index.countingItems());
        assertEquals(3, index.size());
        assertTrue(index.motFrames().isEmpty());
    }

    @Test
    void aFolderZippedAsAWholeIsTheDatasetRoot() throws IOException {
        TestArchive archive =
                new TestArchive()
                        .add("set/labels.csv", "dog.jpg,0\n")
                        .control("set/dog.jpg", "dog.jpg")
                        .add("__MACOSX/set/._dog.jpg", "resource fork")
                        .add("set/.DS_Store", "finder");

        assertEquals(
                List.of(new CountingItem("set/dog.jpg", 0)),
                validate(DatasetFormat.COUNTS_CSV, archive).countingItems());
    }

    @Test
    void rejectsCountingDatasetWithoutLabels() {
        String message =
                refusal(
                        DatasetFormat.COUNTS_CSV,
                        new TestArchive().control("person.jpg", "person.jpg"));
        assertTrue(message.contains("labels.csv is missing"), message);
    }

    @Test
    void rejectsALabelForAMissingFileNamingLineAndFile() {
        String message =
                refusal(
                        DatasetFormat.COUNTS_CSV,
                        controls("person.jpg,1\nimg/basketball1.png,2\nmissing.jpg,4\n"));
        assertTrue(
                message.startsWith("labels.csv line 3: 'missing.jpg' is not in the archive"),
                message);
    }

    @Test
    void rejectsANonNumericCountNamingTheLine() {
        String message =
                refusal(
                        DatasetFormat.COUNTS_CSV,
                        controls("file,count\nperson.jpg,1\nhorses.jpg,none\n"));
        assertTrue(message.startsWith("labels.csv line 3: the count of 'horses.jpg'"), message);
        assertTrue(message.contains("'none'"), message);
        assertTrue(
                refusal(DatasetFormat.COUNTS_CSV, controls("person.jpg,-1\n"))
                        .startsWith("labels.csv line 1:"));
    }

    @Test
    void rejectsAnImageWithoutLabel() {
        String message =
                refusal(DatasetFormat.COUNTS_CSV, controls("person.jpg,1\nhorses.jpg,0\n"));
        assertTrue(message.contains("'img/basketball1.png' has no line in labels.csv"), message);
    }

    @Test
    void rejectsAFileThatIsNoImageNamingIt() {
        TestArchive archive =
                controls("person.jpg,1\nimg/basketball1.png,2\nhorses.jpg,0\nfake.jpg,3\n")
                        .add("fake.jpg", "this is text, not a JPEG");
        String message = refusal(DatasetFormat.COUNTS_CSV, archive);
        assertEquals("The image 'fake.jpg' is not a JPEG or PNG image.", message);
    }

    @Test
    void imagesAfterTheFullyDecodedOnesHaveTheirHeaderChecked() {
        TestArchive archive = new TestArchive();
        StringBuilder labels = new StringBuilder();
        for (int i = 1; i <= DatasetLimits.FULLY_DECODED_IMAGES; i++) {
            archive.control("dog" + i + ".jpg", "dog.jpg");
            labels.append("dog").append(i).append(".jpg,0\n");
        }
        archive.add("late.png", "GIF89a, not a PNG").add("labels.csv", labels + "late.png,0\n");

        String message = refusal(DatasetFormat.COUNTS_CSV, archive);
        assertEquals(
                "The image 'late.png' is a GIF image; only JPEG and PNG are accepted.", message);
    }

    @Test
    void rejectsEntriesThatWouldEscapeTheFolder() {
        String message =
                refusal(
                        DatasetFormat.COUNTS_CSV,
                        controls("person.jpg,1\n").add("../evil.jpg", "x"));
        assertTrue(message.contains("'../evil.jpg'"), message);
    }

    @Test
    void motSequenceHasEveryFrameWithItsBoxesAndLines() throws IOException {
        TestArchive archive =
                new TestArchive()
                        .add("gt.txt", TestArchive.groundTruth(3))
                        .add("lines.json", LINES)
                        .frame("f0003.png", 3)
                        .frame("f0001.png", 1)
                        .frame("f0002.png", 2);

        DatasetIndex index = validate(DatasetFormat.MOT, archive);

        assertEquals(List.of(1, 2, 3), index.motFrames().stream().map(MotFrame::frame).toList());
        MotFrame first = index.motFrames().get(0);
        assertEquals("f0001.png", first.file());
        // frame 1 of PETS09-S2L1: persons 9, 15 and 19 (gt-frames-0001-0400.txt, first rows)
        assertEquals(
                new DatasetContent.GroundTruthBox(9, 499, 158, 31.03, 75.17, true),
                first.boxes().get(0));
        assertEquals(3, first.boxes().size());
        assertEquals("x400", index.lines().get(0).name());
        assertArrayEquals(new double[] {400, 576}, index.lines().get(0).to());
    }

    @Test
    void acceptsTheMotChallengeLayout() throws IOException {
        TestArchive archive =
                new TestArchive()
                        .add("PETS09-S2L1/seqinfo.ini", "[Sequence]\nname=PETS09-S2L1\n")
                        .add("PETS09-S2L1/gt/gt.txt", TestArchive.groundTruth(2))
                        .frame("PETS09-S2L1/img1/000001.png", 1)
                        .frame("PETS09-S2L1/img1/000002.png", 2);

        DatasetIndex index = validate(DatasetFormat.MOT, archive);

        assertEquals("PETS09-S2L1/img1/000002.png", index.motFrames().get(1).file());
        assertTrue(index.lines().isEmpty());
    }

    @Test
    void rejectsAGroundTruthRowWhoseFrameHasNoImage() {
        TestArchive archive =
                new TestArchive()
                        .add("gt.txt", "1,9,499,158,31.03,75.17,1\n2,9,497,158,31.03,75.17,1\n")
                        .frame("f0001.png", 1);
        String message = refusal(DatasetFormat.MOT, archive);
        assertTrue(message.startsWith("gt.txt line 2: frame 2 has no image"), message);
    }

    @Test
    void rejectsANonNumericGroundTruthValue() {
        TestArchive archive =
                new TestArchive()
                        .add("gt.txt", "1,9,499,158,31.03,75.17,1\n1,15,left,219,32.9,88.7,1\n")
                        .frame("f0001.png", 1);
        String message = refusal(DatasetFormat.MOT, archive);
        assertEquals("gt.txt line 2: left is 'left', not a number.", message);
    }

    @Test
    void rejectsBadCountingLines() {
        TestArchive archive =
                new TestArchive()
                        .add("gt.txt", "1,9,499,158,31.03,75.17,1\n")
                        .add(
                                "lines.json",
                                "{\"lines\":[{\"name\":\"a\",\"from\":[1,1],\"to\":[1,1]}]}")
                        .frame("f0001.png", 1);
        String message = refusal(DatasetFormat.MOT, archive);
        assertTrue(message.startsWith("lines.json: Counting line 'a' starts and ends"), message);

        archive.add("lines.json", "{\"lines\":[{\"name\":\"x\",\"from\":[400,0]}]}");
        assertTrue(refusal(DatasetFormat.MOT, archive).startsWith("lines.json: line 1 needs"));
        archive.add("lines.json", "{\"lines\": [");
        assertTrue(refusal(DatasetFormat.MOT, archive).startsWith("lines.json is not valid JSON"));
        archive.add("lines.json", "{\"lines\":[{\"name\":\"x\",\"from\":[400,0],\"to\":[900,1]}]}");
        assertTrue(refusal(DatasetFormat.MOT, archive).contains("outside the frames"));
    }

    @Test
    void classFoldersAreTheLabels() throws IOException {
        TestArchive archive =
                new TestArchive()
                        .control("photos/person/person.jpg", "person.jpg")
                        .control("photos/person/basketball1.png", "basketball1.png")
                        .control("photos/animal/dog.jpg", "dog.jpg")
                        .control("photos/animal/horses.jpg", "horses.jpg");

        DatasetIndex index = validate(DatasetFormat.CLASS_FOLDERS, archive);

        assertEquals(List.of("animal", "person"), index.classes());
        assertEquals(
                new ClassificationItem("photos/animal/dog.jpg", "animal"),
                index.classificationItems().get(0));
        assertEquals(4, index.size());
    }

    @Test
    void classFoldersNeedTwoClassesAndOnlyImages() {
        TestArchive one =
                new TestArchive()
                        .control("person/person.jpg", "person.jpg")
                        .control("person/basketball1.png", "basketball1.png");
        assertTrue(refusal(DatasetFormat.CLASS_FOLDERS, one).contains("only the class 'person'"));

        TestArchive notes =
                new TestArchive()
                        .control("person/person.jpg", "person.jpg")
                        .control("animal/dog.jpg", "dog.jpg")
                        .add("animal/notes.txt", "dogs");
        assertTrue(
                refusal(DatasetFormat.CLASS_FOLDERS, notes)
                        .startsWith("'animal/notes.txt' is not an image"));
    }

    @Test
    void storedContentReadsIndexAndImages() throws IOException {
        Path file =
                controls("person.jpg,1\nimg/basketball1.png,2\nhorses.jpg,0\n")
                        .writeTo(dir.resolve("stored.zip"));
        Dataset dataset =
                new Dataset(
                        UUID.randomUUID(),
                        "w-hs/controls",
                        "w-hs",
                        "controls",
                        "Controls",
                        null,
                        "people-counting",
                        DatasetFormat.COUNTS_CSV,
                        "CC-BY-4.0",
                        Visibility.PRIVATE,
                        null,
                        "0".repeat(64),
                        Files.size(file),
                        3,
                        "rita",
                        Instant.now(),
                        Instant.now());

        try (DatasetContent content = ZipDatasetContent.open(file, dataset)) {
            assertEquals(3, content.size());
            assertEquals(DatasetFormat.COUNTS_CSV, content.format());
            assertEquals(2, content.countingItems().get(1).count());
            assertArrayEquals(
                    Files.readAllBytes(SharedTestData.file("controls/basketball1.png")),
                    content.image("img/basketball1.png"));
            assertFalse(content.classificationItems().iterator().hasNext());
            assertThrows(
                    de.kihub.registry.error.NotFoundException.class,
                    () -> content.image("labels.csv"));
        }
    }
}
