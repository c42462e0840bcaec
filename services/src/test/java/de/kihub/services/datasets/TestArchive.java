package de.kihub.services.datasets;

import de.kihub.services.counting.Pets09Frames;
import de.kihub.services.counting.SharedTestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds dataset zips from real images: the control photos and PETS09-S2L1 frames. */
final class TestArchive {
    /** The control photos and how many people each shows (see shared/data/README.md). */
    static final Map<String, Integer> CONTROLS =
            Map.of("person.jpg", 1, "basketball1.png", 2, "horses.jpg", 0, "dog.jpg", 0);

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    TestArchive add(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    TestArchive add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    TestArchive control(String name, String photo) {
        return add(name, read(SharedTestData.file("controls/" + photo)));
    }

    /** PETS09-S2L1 frame {@code number} (PNG) under {@code name}. */
    TestArchive frame(String name, int number) {
        return add(
                name,
                read(
                        Pets09Frames.directory()
                                .resolve(String.format(Locale.ROOT, "f%04d.png", number))));
    }

    /** The ground-truth rows of frames 1 to {@code last}. */
    static String groundTruth(int last) {
        try {
            List<String> rows =
                    Files.readAllLines(
                            SharedTestData.file("pets09-s2l1/gt-frames-0001-0400.txt"),
                            StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder();
            for (String row : rows) {
                if (Integer.parseInt(row.substring(0, row.indexOf(','))) <= last) {
                    text.append(row).append('\n');
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, toBytes());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
