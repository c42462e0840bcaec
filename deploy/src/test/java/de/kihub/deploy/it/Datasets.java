package de.kihub.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Benchmark datasets for the evaluation tests: built from the shared data, uploaded via the API.
 */
final class Datasets {
    static final Path DATA = PeopleCounterIT.DATA;
    static final int PETS09_FRAMES = 400;
    static final String GROUND_TRUTH = "pets09-s2l1/gt-frames-0001-0400.txt";

    /** The two lines of the people counter's accuracy test (docs/people-counting.md). */
    static final String PETS09_LINES =
            "{\"lines\":[{\"name\":\"x=400\",\"from\":[400,0],\"to\":[400,576]},"
                    + "{\"name\":\"y=300\",\"from\":[0,300],\"to\":[768,300]}]}";

    private final URI base;
    private final Registry http;

    Datasets(URI base) {
        this.base = base;
        this.http = new Registry(base);
    }

    /** Registers a dataset of the caller's tenant (w-hs for rita); returns "w-hs/name". */
    String create(String token, String format, String task, String visibility) {
        String name = Registry.unique(format.toLowerCase(Locale.ROOT).replace('_', '-'));
        HttpResponse<String> r =
                json(
                        token,
                        "POST",
                        "api/v1/datasets",
                        "{\"name\":\""
                                + name
                                + "\",\"displayName\":\"Evaluationsdaten\",\"description\":"
                                + "\"built by EvaluationIT\",\"task\":\""
                                + task
                                + "\",\"format\":\""
                                + format
                                + "\",\"license\":\"CC-BY-NC-SA-3.0\",\"visibility\":\""
                                + visibility
                                + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return "w-hs/" + name;
    }

    JsonObject upload(String token, String dataset, byte[] zip) {
        return uploaded(upload(token, dataset, HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    JsonObject upload(String token, String dataset, Path zip) throws IOException {
        return uploaded(upload(token, dataset, HttpRequest.BodyPublishers.ofFile(zip)));
    }

    private HttpResponse<String> upload(
            String token, String dataset, HttpRequest.BodyPublisher body) {
        return http.send(
                token,
                HttpRequest.newBuilder(http.uri("api/v1/datasets/" + dataset + "/content"))
                        .header("Content-Type", "application/zip")
                        .PUT(body));
    }

    private static JsonObject uploaded(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Hub.json(r.body());
    }

    JsonObject get(String token, String dataset) {
        HttpResponse<String> r = Hub.get(base, "api/v1/datasets/" + dataset, token);
        assertEquals(200, r.statusCode(), r.body());
        return Hub.json(r.body());
    }

    HttpResponse<String> json(String token, String method, String path, String body) {
        return http.json(token, method, path, body);
    }

    /** The four control photos (1, 2, 0 and 0 people) with labels.csv. */
    static Map<String, byte[]> controls() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(
                "labels.csv",
                "file,count\nperson.jpg,1\nbasketball1.png,2\nhorses.jpg,0\ndog.jpg,0\n"
                        .getBytes(StandardCharsets.UTF_8));
        for (String photo : List.of("person.jpg", "basketball1.png", "horses.jpg", "dog.jpg")) {
            entries.put(photo, control(photo));
        }
        return entries;
    }

    /** The control photos sorted into people and animals. */
    static Map<String, byte[]> classFolders() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("person/person.jpg", control("person.jpg"));
        entries.put("person/basketball1.png", control("basketball1.png"));
        entries.put("animal/dog.jpg", control("dog.jpg"));
        entries.put("animal/horses.jpg", control("horses.jpg"));
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(entries, bytes);
        return bytes.toByteArray();
    }

    /**
     * PETS09-S2L1 frames 1-400 (PNG, f0001.png ...) with gt.txt and lines.json, about 316 MB,
     * written once per build to target/it-pets09-mot-400.zip. PNGs do not compress, so the entries
     * are stored as they are.
     */
    static Path pets09Zip() throws IOException {
        return pets09Zip(PETS09_FRAMES);
    }

    /** The first {@code frames} frames with their ground truth and lines.json. */
    static synchronized Path pets09Zip(int frames) throws IOException {
        Path zip = Path.of("target/it-pets09-mot-" + frames + ".zip");
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        Path dir = pets09Frames();
        StringBuilder rows = new StringBuilder();
        for (String row : Files.readAllLines(DATA.resolve(GROUND_TRUTH), StandardCharsets.UTF_8)) {
            if (!row.isBlank() && Integer.parseInt(row.substring(0, row.indexOf(','))) <= frames) {
                rows.append(row).append('\n');
            }
        }
        Path partial = Files.createTempFile(Path.of("target"), "it-pets09-", ".zip");
        try (OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.NO_COMPRESSION);
            entry(z, "gt.txt", rows.toString().getBytes(StandardCharsets.UTF_8));
            entry(z, "lines.json", PETS09_LINES.getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= frames; i++) {
                String name = frame(i);
                entry(z, name, Files.readAllBytes(dir.resolve(name)));
            }
        }
        Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE);
        return zip;
    }

    /**
     * The frames as ffmpeg extracts them (f0001.png = ground-truth frame 1): the services module's
     * copy if its tests made one, else extracted here once.
     */
    static synchronized Path pets09Frames() throws IOException {
        for (Path dir :
                List.of(
                        Path.of("../services/target/pets09-frames"),
                        Path.of("target/it-pets09-frames-400"))) {
            if (Files.isRegularFile(dir.resolve(frame(PETS09_FRAMES)))) {
                return dir;
            }
        }
        Path dir = Path.of("target/it-pets09-frames-400");
        Files.createDirectories(dir);
        Process ffmpeg =
                new ProcessBuilder(
                                "ffmpeg",
                                "-nostdin",
                                "-v",
                                "error",
                                "-y",
                                "-i",
                                DATA.resolve("pets09-s2l1/vtest.avi").toString(),
                                "-start_number",
                                "1",
                                "-frames:v",
                                String.valueOf(PETS09_FRAMES),
                                dir.resolve("f%04d.png").toString())
                        .redirectErrorStream(true)
                        .start();
        try {
            String output =
                    new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ffmpeg.waitFor(5, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
                fail(
                        "ffmpeg could not extract PETS09-S2L1 frames (apt-get install ffmpeg): "
                                + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return dir;
    }

    static String frame(int number) {
        return String.format(Locale.ROOT, "f%04d.png", number);
    }

    private static void write(Map<String, byte[]> entries, OutputStream out) {
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                entry(z, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    static byte[] control(String photo) {
        try {
            return Files.readAllBytes(DATA.resolve("controls").resolve(photo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
