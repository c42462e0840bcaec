package de.kihub.deploy.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/** Calls of the registry API that the registry tests share. */
final class Registry {
    static final Path DATA_DIR = Path.of(System.getProperty("kihub.it.data-dir", "target/it-data"));

    private final URI base;

    Registry(URI base) {
        this.base = base;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> createModel(String token, String name, String visibility) {
        return createModel(token, name, visibility, "people-counting");
    }

    HttpResponse<String> createModel(String token, String name, String visibility, String task) {
        return json(
                token,
                "POST",
                "api/v1/models",
                "{\"name\":\""
                        + name
                        + "\",\"displayName\":{\"de\":\"Personenzählung\",\"en\":\"People counting\"},"
                        + "\"description\":{\"de\":\"Zählt Personen\",\"en\":\"Counts people\"},"
                        + "\"task\":\""
                        + task
                        + "\",\"domain\":\"Sicherheit & Ordnung\","
                        + "\"license\":\"MIT\",\"tags\":[\"Besucherströme\"],\"visibility\":\""
                        + visibility
                        + "\"}");
    }

    HttpResponse<String> createVersion(String token, String model, String version) {
        return json(
                token,
                "POST",
                "api/v1/models/" + model + "/versions",
                "{\"version\":\"" + version + "\",\"changelog\":\"first\"}");
    }

    HttpResponse<String> upload(String token, String model, String version, byte[] bytes) {
        return send(
                token,
                HttpRequest.newBuilder(artifactUri(model, version))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Adds or replaces an extra text file (labels.txt, ...) of a draft version. */
    HttpResponse<String> uploadFile(
            String token, String model, String version, String fileName, String text) {
        return send(
                token,
                HttpRequest.newBuilder(
                                base.resolve(
                                        "api/v1/models/"
                                                + model
                                                + "/versions/"
                                                + version
                                                + "/files/"
                                                + fileName))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> action(
            String token, String model, String version, String action, String comment) {
        return json(
                token,
                "POST",
                "api/v1/models/" + model + "/versions/" + version + "/" + action,
                comment == null ? "{}" : "{\"comment\":\"" + comment + "\"}");
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    URI artifactUri(String model, String version) {
        return base.resolve("api/v1/models/" + model + "/versions/" + version + "/artifact");
    }

    HttpResponse<String> json(String token, String method, String path, String body) {
        return send(
                token,
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Hub.send(request.build());
    }

    /** Committed artifact files in the store. */
    static long storedObjects() {
        return countFiles(DATA_DIR.resolve("artifacts/objects"));
    }

    /** Unfinished uploads in the store's temporary folder. */
    static long temporaryFiles() {
        return countFiles(DATA_DIR.resolve("artifacts/tmp"));
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
