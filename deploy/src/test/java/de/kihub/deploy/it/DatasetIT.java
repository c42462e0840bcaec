package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.absent;
import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A researcher registers benchmark datasets of each format built from real images (the control
 * photos, PETS09-S2L1 frames with their MOTChallenge ground truth); every bad dataset of the issue
 * is refused naming the offending entry and leaves no file and no content behind; private datasets
 * stay with their tenant, and PUBLIC takes effect only with a curator's approval.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatasetIT {
    static final long LIMIT = Long.getLong("kihub.it.max-dataset-bytes", 600L << 20);
    static final Path DATA = PeopleCounterIT.DATA;
    static final int FRAMES = 5;

    /** Every control photo labelled with its number of people. */
    static final String LABELS =
            "file,count\nperson.jpg,1\nbasketball1.png,2\nhorses.jpg,0\ndog.jpg,0\n";

    static final String LINES =
            "{\"lines\":[{\"name\":\"x400\",\"from\":[400,0],\"to\":[400,576]}]}";

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    Registry registry;
    String rita;

    @BeforeEach
    void setUp() throws Exception {
        registry = new Registry(url.toURI());
        rita = token("rita.researcher");
    }

    @Test
    void researcherUploadsAValidDatasetOfEachFormat() throws Exception {
        String counts = create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        byte[] countsZip = zip(controls(LABELS));
        JsonObject uploaded = uploaded(upload(rita, counts, countsZip));
        assertEquals(ModelRegistryIT.sha256(countsZip), uploaded.getString("sha256"));
        assertEquals(countsZip.length, uploaded.getJsonNumber("size").longValue());
        assertEquals(4, uploaded.getInt("items"));
        assertEquals("PRIVATE", uploaded.getString("visibility"));

        String mot = create(rita, "MOT", "people-counting", "PRIVATE");
        Map<String, byte[]> sequence = sequence(groundTruth(FRAMES));
        sequence.put("lines.json", utf8(LINES));
        assertEquals(FRAMES, uploaded(upload(rita, mot, zip(sequence))).getInt("items"));

        String classes = create(rita, "CLASS_FOLDERS", "image-classification", "PRIVATE");
        Map<String, byte[]> folders = new LinkedHashMap<>();
        folders.put("person/person.jpg", control("person.jpg"));
        folders.put("person/basketball1.png", control("basketball1.png"));
        folders.put("animal/dog.jpg", control("dog.jpg"));
        folders.put("animal/horses.jpg", control("horses.jpg"));
        JsonObject classified = uploaded(upload(rita, classes, zip(folders)));
        assertEquals(4, classified.getInt("items"));

        // the artifact clean-up keeps what datasets reference
        HttpResponse<String> cleanup =
                registry.json(
                        token("carla.curator"), "POST", "api/v1/admin/artifacts/cleanup", "{}");
        assertEquals(200, cleanup.statusCode(), cleanup.body());
        for (JsonObject d : List.of(uploaded, classified)) {
            String sha = d.getString("sha256");
            assertTrue(
                    Files.isRegularFile(
                            Registry.DATA_DIR.resolve(
                                    "artifacts/objects/"
                                            + sha.substring(0, 2)
                                            + "/"
                                            + sha.substring(2, 4)
                                            + "/"
                                            + sha)),
                    "dataset content kept by the clean-up");
        }
        JsonObject shown = json(get(url.toURI(), "api/v1/datasets/" + counts, rita).body());
        assertEquals(uploaded.getString("sha256"), shown.getString("sha256"));
        assertEquals("COUNTS_CSV", shown.getString("format"));
        assertEquals("rita.researcher", shown.getString("createdBy"));
        String audit =
                get(url.toURI(), "api/v1/audit?tenant=w-hs&limit=200", token("carla.curator"))
                        .body();
        assertTrue(audit.contains("\"dataset.created\""), audit);
        assertTrue(audit.contains("\"dataset.content-uploaded\""), audit);
    }

    @Test
    void badDatasetsAreRejectedNamingTheOffendingEntryAndLeaveNothingBehind() throws Exception {
        String counts = create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        long objects = Registry.storedObjects();

        Map<String, byte[]> unlabelled = controls("x");
        unlabelled.remove("labels.csv");
        assertRejected(counts, zip(unlabelled), "labels.csv is missing");
        assertRejected(
                counts,
                zip(controls("person.jpg,1\nbasketball1.png,2\nmissing.jpg,3\n")),
                "labels.csv line 3: 'missing.jpg' is not in the archive");
        assertRejected(
                counts,
                zip(controls("file,count\nperson.jpg,1\nbasketball1.png,three\n")),
                "labels.csv line 3: the count of 'basketball1.png' is 'three'");
        Map<String, byte[]> fake = controls(LABELS + "fake.jpg,0\n");
        fake.put("fake.jpg", utf8("not a photo, just text"));
        assertRejected(counts, zip(fake), "The image 'fake.jpg' is not a JPEG or PNG image.");
        Map<String, byte[]> slip = controls(LABELS);
        slip.put("../evil.jpg", control("dog.jpg"));
        assertRejected(counts, zip(slip), "'../evil.jpg'");
        assertRejected(
                counts,
                zip(controls("person.jpg,1\nhorses.jpg,0\ndog.jpg,0\n")),
                "The image 'basketball1.png' has no line in labels.csv");

        String mot = create(rita, "MOT", "people-counting", "PRIVATE");
        String rows = groundTruth(FRAMES);
        String extra = "6,9,480,158,31.03,75.17,1,-4.3,-7.2,0\n";
        assertRejected(
                mot,
                zip(sequence(rows + extra)),
                "gt.txt line " + (rows.lines().count() + 1) + ": frame 6 has no image");
        Map<String, byte[]> badLines = sequence(rows);
        badLines.put("lines.json", utf8("{\"lines\":[{\"name\":\"x400\",\"from\":[400,0]}]}"));
        assertRejected(mot, zip(badLines), "lines.json: line 1 needs");

        assertEquals(objects, Registry.storedObjects(), "no content file kept");
        assertEquals(0, Registry.temporaryFiles(), "no temporary file left");
        for (String dataset : List.of(counts, mot)) {
            JsonObject d = json(get(url.toURI(), "api/v1/datasets/" + dataset, rita).body());
            assertTrue(absent(d, "sha256") && absent(d, "items"), d.toString());
        }
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        String dataset = create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        URI uri = registry.uri("api/v1/datasets/" + dataset + "/content");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("PUT "
                                    + uri.getRawPath()
                                    + " HTTP/1.1\r\nHost: "
                                    + uri.getHost()
                                    + ":"
                                    + uri.getPort()
                                    + "\r\nAuthorization: Bearer "
                                    + rita
                                    + "\r\nContent-Type: application/zip\r\nContent-Length: "
                                    + (LIMIT + 1)
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            String status =
                    new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
        assertEquals(0, Registry.temporaryFiles());
    }

    @Test
    void privateDatasetsStayWithTheirTenant() throws Exception {
        String dataset = create(rita, "COUNTS_CSV", "people-counting", "PRIVATE");
        String gina = token("gina.admin");

        assertProblem(get(url.toURI(), "api/v1/datasets/" + dataset, gina), 404);
        assertProblem(get(url.toURI(), "api/v1/datasets/" + dataset, null), 404);
        assertProblem(upload(gina, dataset, zip(controls(LABELS))), 404);
        assertFalse(get(url.toURI(), "api/v1/datasets", gina).body().contains(dataset));
        assertEquals(
                200,
                get(url.toURI(), "api/v1/datasets/" + dataset, token("carla.curator"))
                        .statusCode());
        assertTrue(get(url.toURI(), "api/v1/datasets", rita).body().contains(dataset));
        // only a publisher or deployer of a tenant registers datasets
        assertProblem(
                create(token("mia.member"), "ds", "COUNTS_CSV", "people-counting", null), 403);
        // and the format's labels must fit the task
        assertProblem(create(rita, "ds-x", "CLASS_FOLDERS", "people-counting", "PRIVATE"), 400);
    }

    @Test
    void aPublicRequestTakesEffectOnlyWhenACuratorApproves() throws Exception {
        String carla = token("carla.curator");
        String dataset = Registry.unique("pets09");
        HttpResponse<String> created = create(rita, dataset, "MOT", "people-counting", "PUBLIC");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject requested = json(created.body());
        assertEquals("PRIVATE", requested.getString("visibility"));
        assertEquals("PUBLIC", requested.getString("requestedVisibility"));
        dataset = "w-hs/" + dataset;
        assertProblem(get(url.toURI(), "api/v1/datasets/" + dataset, null), 404);
        // nothing to approve before there is content
        assertProblem(review(carla, dataset, "approve", null), 409);

        uploaded(upload(rita, dataset, zip(sequence(groundTruth(FRAMES)))));
        assertProblem(review(rita, dataset, "approve", null), 403);
        HttpResponse<String> approved = review(carla, dataset, "approve", "gute Grundwahrheit");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("PUBLIC", json(approved.body()).getString("visibility"));
        assertTrue(absent(json(approved.body()), "requestedVisibility"));

        HttpResponse<String> anonymous = get(url.toURI(), "api/v1/datasets/" + dataset, null);
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        assertEquals(FRAMES, json(anonymous.body()).getInt("items"));
        assertTrue(
                get(url.toURI(), "api/v1/datasets?task=people-counting", null)
                        .body()
                        .contains(dataset));
        assertFalse(
                get(url.toURI(), "api/v1/datasets?task=image-classification", null)
                        .body()
                        .contains(dataset));
        // public content is fixed, so that evaluations against it stay comparable
        assertProblem(upload(rita, dataset, zip(sequence(groundTruth(FRAMES)))), 409);
        String audit = get(url.toURI(), "api/v1/audit?tenant=w-hs&limit=200", carla).body();
        assertTrue(audit.contains("\"dataset.approved\""), audit);
    }

    @Test
    void aCuratorRejectsAPublicRequestWithAComment() throws Exception {
        String carla = token("carla.curator");
        String dataset = create(rita, "COUNTS_CSV", "people-counting", "PUBLIC");
        uploaded(upload(rita, dataset, zip(controls(LABELS))));

        assertProblem(review(carla, dataset, "reject", null), 400);
        HttpResponse<String> rejected = review(carla, dataset, "reject", "Lizenz unklar");
        assertEquals(200, rejected.statusCode(), rejected.body());
        JsonObject d = json(rejected.body());
        assertEquals("PRIVATE", d.getString("visibility"));
        assertTrue(absent(d, "requestedVisibility"), d.toString());
        assertProblem(review(carla, dataset, "approve", null), 409);
        assertProblem(get(url.toURI(), "api/v1/datasets/" + dataset, null), 404);
    }

    /** Registers a dataset of rita's; returns "w-hs/name". */
    String create(String token, String format, String task, String visibility) {
        String name = Registry.unique(format.toLowerCase(Locale.ROOT).replace('_', '-'));
        HttpResponse<String> r = create(token, name, format, task, visibility);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(
                "/api/v1/datasets/w-hs/" + name,
                URI.create(r.headers().firstValue("Location").orElseThrow()).getPath());
        return "w-hs/" + name;
    }

    HttpResponse<String> create(
            String token, String name, String format, String task, String visibility) {
        return registry.json(
                token,
                "POST",
                "api/v1/datasets",
                "{\"name\":\""
                        + name
                        + "\",\"displayName\":\"Testdaten\",\"description\":\"built by DatasetIT\","
                        + "\"task\":\""
                        + task
                        + "\",\"format\":\""
                        + format
                        + "\",\"license\":\"CC-BY-NC-SA-3.0\""
                        + (visibility == null ? "" : ",\"visibility\":\"" + visibility + "\"")
                        + "}");
    }

    HttpResponse<String> upload(String token, String dataset, byte[] zip) {
        return registry.send(
                token,
                HttpRequest.newBuilder(registry.uri("api/v1/datasets/" + dataset + "/content"))
                        .header("Content-Type", "application/zip")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    HttpResponse<String> review(String token, String dataset, String action, String comment) {
        return registry.json(
                token,
                "POST",
                "api/v1/datasets/" + dataset + "/" + action,
                comment == null ? "{}" : "{\"comment\":\"" + comment + "\"}");
    }

    static JsonObject uploaded(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    void assertRejected(String dataset, byte[] zip, String detail) {
        JsonObject problem = assertProblem(upload(rita, dataset, zip), 422);
        assertTrue(problem.getString("detail").contains(detail), problem.toString());
        assertEquals(0, Registry.temporaryFiles(), "no temporary file after " + detail);
    }

    /** The four control photos (1, 2, 0 and 0 people) and a labels.csv. */
    static Map<String, byte[]> controls(String labels) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("labels.csv", utf8(labels));
        for (String photo : List.of("person.jpg", "basketball1.png", "horses.jpg", "dog.jpg")) {
            entries.put(photo, control(photo));
        }
        return entries;
    }

    /** PETS09-S2L1 frames 1-5 as img1/00000N.png with gt/gt.txt, as MOTChallenge lays it out. */
    static Map<String, byte[]> sequence(String groundTruth) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("gt/gt.txt", utf8(groundTruth));
        Path frames = Datasets.pets09Frames();
        for (int i = 1; i <= FRAMES; i++) {
            entries.put(
                    String.format(Locale.ROOT, "img1/%06d.png", i),
                    Files.readAllBytes(frames.resolve(String.format(Locale.ROOT, "f%04d.png", i))));
        }
        return entries;
    }

    /** The ground-truth rows of frames 1 to {@code last}. */
    static String groundTruth(int last) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (String row :
                Files.readAllLines(
                        DATA.resolve("pets09-s2l1/gt-frames-0001-0400.txt"),
                        StandardCharsets.UTF_8)) {
            if (Integer.parseInt(row.substring(0, row.indexOf(','))) <= last) {
                rows.append(row).append('\n');
            }
        }
        return rows.toString();
    }

    /** Frames 1-5 of the video, extracted once with ffmpeg into target/it-pets09-frames. */
    static byte[] control(String photo) {
        try {
            return Files.readAllBytes(DATA.resolve("controls").resolve(photo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
