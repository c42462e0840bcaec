package de.kihub.services.publishing;

import de.kihub.registry.artifact.ArchiveLimits;
import de.kihub.registry.artifact.ArtifactInspector;
import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.FileSystemArtifactStore;
import de.kihub.services.inspection.ModelLoadCheck;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where artifacts live and how they are checked, configured once for the server: the store under
 * {@code ${kihub.data.dir}/artifacts}, the upload limits ({@code KIHUB_MAX_UPLOAD_BYTES}, default 2
 * GiB, for models; {@code KIHUB_MAX_DATASET_BYTES}, default 4 GiB, for datasets) and the isolated
 * model load check.
 */
@ApplicationScoped
public class HubStorage {
    static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;
    static final long DEFAULT_MAX_DATASET_BYTES = 4L * 1024 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(HubStorage.class.getName());

    static Path dataDir() {
        String dir = System.getProperty("kihub.data.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property kihub.data.dir is not set");
        }
        return Path.of(dir);
    }

    private FileSystemArtifactStore store;

    @PostConstruct
    void init() {
        store = new FileSystemArtifactStore(dataDir().resolve("artifacts"));
    }

    /** At deployment: a server killed during an upload left its temporary file, removed here. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            int removed = store.removeStaleTemporaryFiles();
            if (removed > 0) {
                LOG.info(removed + " unfinished upload(s) from before the restart removed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one store of this server (dependent scope: the instance itself, no proxy). */
    @Produces
    ArtifactStore artifactStore() {
        return store;
    }

    // final, stateless classes: dependent scope (no client proxy) for their few injection points
    @Produces
    ArtifactInspector artifactInspector() {
        return new ArtifactInspector(ArchiveLimits.defaults());
    }

    @Produces
    ModelLoadCheck modelLoadCheck() {
        return ModelLoadCheck.forServer(Path.of(System.getProperty("jboss.home.dir")), dataDir());
    }

    /** The configured upload limit in bytes. */
    public long maxUploadBytes() {
        return ConfigProvider.getConfig()
                .getOptionalValue("kihub.max-upload-bytes", Long.class)
                .orElse(DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** The configured limit of a dataset upload in bytes. */
    public long maxDatasetBytes() {
        return ConfigProvider.getConfig()
                .getOptionalValue("kihub.max-dataset-bytes", Long.class)
                .orElse(DEFAULT_MAX_DATASET_BYTES);
    }
}
