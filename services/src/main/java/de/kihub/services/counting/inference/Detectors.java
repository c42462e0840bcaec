package de.kihub.services.counting.inference;

import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.Sha256;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Loaded person detectors, one per model content (sha256), loaded at first use and kept until the
 * hub stops. Worker count and threads per frame come from {@code KIHUB_COUNTING_WORKERS} and {@code
 * KIHUB_COUNTING_THREADS}.
 */
@ApplicationScoped
public class Detectors {
    private final Map<String, PersonDetector> loaded = new ConcurrentHashMap<>();

    @Inject ArtifactStore store;

    public PersonDetector forArtifact(String sha256) {
        return loaded.computeIfAbsent(sha256, this::load);
    }

    // interim API; replaced by the runtime pool (wt-runtime)
    public void retain(String sha256) {
        forArtifact(sha256);
    }

    public void release(String sha256) {}

    public java.util.List<de.kihub.services.counting.Detection> detect(
            String sha256,
            java.awt.image.BufferedImage image,
            de.kihub.services.counting.DetectionSettings settings) {
        return forArtifact(sha256).detect(image, settings);
    }

    private PersonDetector load(String sha256) {
        try {
            return new PersonDetector(
                    store.localFile(Sha256.of(sha256)),
                    setting("kihub.counting.workers", 2),
                    setting("kihub.counting.threads", 1),
                    10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int setting(String name, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(fallback);
    }

    @PreDestroy
    void close() {
        loaded.values().forEach(PersonDetector::close);
        loaded.clear();
    }
}
