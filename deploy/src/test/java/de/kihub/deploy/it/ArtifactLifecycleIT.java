package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.json;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What happens to stored content over time: an upload in progress is invisible, what a killed
 * server left behind is gone after the next start, and replaced content is cleaned up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArtifactLifecycleIT {
    static final String PORTAL = "portal";

    @Deployment(name = PORTAL, managed = false, testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource Deployer deployer;

    final URI base = Hub.TEST_SERVER;

    @Test
    void anUnfinishedUploadIsInvisibleAndGoneAfterARestart() throws Exception {
        deployer.deploy(PORTAL);
        Registry registry = new Registry(base);
        String rita = token("rita.researcher");
        String name = Registry.unique("killed");
        String model = "w-hs/" + name;
        Path leftover;
        try {
            registry.createModel(rita, name, "PRIVATE");
            registry.createVersion(rita, model, "1.0.0");
            // an upload that sends half of its bytes and then stalls, as a server kill would find
            // it
            CountDownLatch halfSent = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            byte[] onnx = TestOnnx.identityModel();
            CompletableFuture<HttpResponse<String>> upload =
                    Hub.HTTP.sendAsync(
                            HttpRequest.newBuilder(registry.artifactUri(model, "1.0.0"))
                                    .header("Authorization", "Bearer " + rita)
                                    .PUT(
                                            HttpRequest.BodyPublishers.ofInputStream(
                                                    () -> stalling(onnx, halfSent, release)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(halfSent.await(30, TimeUnit.SECONDS));
            leftover = awaitTemporaryFile();
            assertTrue(
                    Hub.absent(
                            json(
                                    get(base, "api/v1/models/" + model + "/versions/1.0.0", rita)
                                            .body()),
                            "artifact"),
                    "a partial upload is never visible");
            // keep a copy of the partial file: it is what a killed server leaves in the store
            Path copy = leftover.resolveSibling(leftover.getFileName() + ".killed");
            Files.copy(leftover, copy);
            leftover = copy;
            release.countDown();
            upload.get(30, TimeUnit.SECONDS);
        } finally {
            deployer.undeploy(PORTAL);
        }
        assertTrue(Files.exists(leftover));
        deployer.deploy(PORTAL);
        try {
            assertFalse(Files.exists(leftover), "removed when the hub started again");
            assertEquals(0, Registry.temporaryFiles());
        } finally {
            deployer.undeploy(PORTAL);
        }
    }

    @Test
    void contentNoVersionReferencesIsCleanedUp() throws Exception {
        deployer.deploy(PORTAL);
        try {
            Registry registry = new Registry(base);
            String rita = token("rita.researcher");
            String name = Registry.unique("replaced");
            String model = "w-hs/" + name;
            registry.createModel(rita, name, "PRIVATE");
            registry.createVersion(rita, model, "1.0.0");
            HttpResponse<String> first =
                    registry.upload(rita, model, "1.0.0", TestOnnx.identity(List.of(1L, 7L)));
            String replaced = json(first.body()).getJsonObject("artifact").getString("sha256");
            registry.upload(rita, model, "1.0.0", TestOnnx.identity(List.of(1L, 9L)));
            Path object = objectPath(replaced);
            assertTrue(Files.exists(object));

            assertEquals(
                    403,
                    registry.json(rita, "POST", "api/v1/admin/artifacts/cleanup", "{}")
                            .statusCode());
            HttpResponse<String> cleanup =
                    registry.json(
                            token("carla.curator"), "POST", "api/v1/admin/artifacts/cleanup", "{}");
            assertEquals(200, cleanup.statusCode(), cleanup.body());
            assertTrue(json(cleanup.body()).getInt("removed") >= 1, cleanup.body());
            assertFalse(Files.exists(object), "the replaced upload is gone");
            // the current one is still served
            assertEquals(
                    200,
                    get(base, "api/v1/models/" + model + "/versions/1.0.0/artifact", rita)
                            .statusCode());
        } finally {
            deployer.undeploy(PORTAL);
        }
    }

    private static Path objectPath(String sha) {
        return Registry.DATA_DIR.resolve(
                "artifacts/objects/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
    }

    private static Path awaitTemporaryFile() throws Exception {
        Path tmp = Registry.DATA_DIR.resolve("artifacts/tmp");
        for (int i = 0; i < 100; i++) {
            if (Files.isDirectory(tmp)) {
                try (var files = Files.list(tmp)) {
                    var found = files.filter(Files::isRegularFile).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no temporary file appeared during the upload");
    }

    /** Sends the first half, signals, waits until released, then sends the rest. */
    private static InputStream stalling(
            byte[] content, CountDownLatch halfSent, CountDownLatch release) {
        int half = content.length / 2;
        return new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos == half) {
                    halfSent.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                if (pos >= content.length) {
                    return -1;
                }
                int n = Math.min(len, (pos < half ? half : content.length) - pos);
                System.arraycopy(content, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
