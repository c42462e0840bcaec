package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Frames 1-400 of PETS09-S2L1 ({@code vtest.avi}, 768x576) as PNG files in {@code
 * services/target/pets09-frames}, {@code f0001.png} being ground-truth frame 1. Debian's ffmpeg
 * extracts them once per build (about 15 s, 316 MB); later callers reuse them. Java has no decoder
 * for the video's MS-MPEG4 v3 codec, hence the external program.
 */
public final class Pets09Frames {
    public static final int COUNT = 400;
    public static final int WIDTH = 768;
    public static final int HEIGHT = 576;
    static final String VIDEO = "pets09-s2l1/vtest.avi";

    private Pets09Frames() {}

    /** The folder with all frames, extracting them first if any is missing. */
    public static synchronized Path directory() {
        Path frames = SharedTestData.buildDirectory().resolve("pets09-frames");
        if (Files.isRegularFile(frame(frames, COUNT))) {
            return frames;
        }
        Path video = SharedTestData.file(VIDEO);
        try {
            // into a fresh folder first, so that an interrupted run never leaves a partial set
            Path partial = Files.createTempDirectory(frames.getParent(), "pets09-frames-");
            try {
                extract(video, partial);
                deleteAll(frames);
                Files.move(partial, frames, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteAll(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }

    /** Frame {@code number} (1-based, as in the ground truth), decoded. */
    public static BufferedImage read(int number) {
        Path file = frame(directory(), number);
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("ImageIO cannot decode " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frame numbers 1 ... {@link #COUNT}. */
    public static List<Integer> numbers() {
        return IntStream.rangeClosed(1, COUNT).boxed().toList();
    }

    private static Path frame(Path directory, int number) {
        return directory.resolve(String.format(Locale.ROOT, "f%04d.png", number));
    }

    private static void extract(Path video, Path into) throws IOException {
        List<String> command =
                List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        video.toAbsolutePath().toString(),
                        "-start_number",
                        "1",
                        "-frames:v",
                        String.valueOf(COUNT),
                        into.resolve("f%04d.png").toString());
        Path log = into.resolve("ffmpeg.log");
        Process process;
        try {
            process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
        } catch (IOException e) {
            fail(
                    "ffmpeg is needed to extract the PETS09-S2L1 frames but cannot be started ("
                            + e.getMessage()
                            + "). Install it: apt-get install -y ffmpeg");
            return;
        }
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("ffmpeg did not finish extracting " + video + " within 5 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ffmpeg extracted frames", e);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !Files.isRegularFile(frame(into, COUNT))) {
            fail(
                    "ffmpeg could not extract "
                            + COUNT
                            + " frames from "
                            + video
                            + " (exit "
                            + process.exitValue()
                            + "): "
                            + output);
        }
        Files.delete(log);
    }

    private static void deleteAll(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
