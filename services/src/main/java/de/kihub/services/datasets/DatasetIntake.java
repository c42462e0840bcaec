package de.kihub.services.datasets;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.PayloadTooLargeException;
import de.kihub.registry.artifact.StagedArtifact;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.dataset.DatasetRef;
import de.kihub.registry.dataset.Datasets;
import de.kihub.services.imaging.ImageDecoder;
import de.kihub.services.publishing.HubStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Takes a dataset's content: authorise before reading a byte, stream into a temporary file of the
 * artifact store within {@code kihub.max-dataset-bytes} (sha256 on the way), validate it for its
 * format, and only then make it visible and record it on the dataset. Whatever fails leaves no file
 * and no row behind.
 */
@ApplicationScoped
public class DatasetIntake {
    private static final Logger LOG = Logger.getLogger(DatasetIntake.class.getName());

    @Inject Datasets datasets;

    @Inject ArtifactStore store;

    @Inject HubStorage storage;

    private final ImageDecoder decoder = ImageDecoder.defaults();

    /** Content between its commit to the store and its dataset row; the clean-up leaves it. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public Dataset upload(Actor actor, DatasetRef ref, Long contentLength, InputStream body) {
        datasets.requireContentUpload(actor, ref);
        DatasetFormat format = datasets.get(actor, ref).format();
        long limit = storage.maxDatasetBytes();
        if (contentLength != null && contentLength > limit) {
            throw new PayloadTooLargeException(limit);
        }
        long start = System.nanoTime();
        StagedArtifact staged;
        try {
            staged = store.stage(body, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload failed", e);
        }
        try {
            long streamed = System.nanoTime();
            DatasetIndex index = DatasetValidation.validate(staged.file(), format, limit, decoder);
            long validated = System.nanoTime();
            LOG.info(
                    () ->
                            String.format(
                                    java.util.Locale.ROOT,
                                    "dataset %s: %d bytes streamed and hashed in %d ms, %d %s"
                                            + " items validated in %d ms",
                                    ref,
                                    staged.size(),
                                    (streamed - start) / 1_000_000,
                                    index.size(),
                                    format,
                                    (validated - streamed) / 1_000_000));
            String sha256 = staged.sha256().hex();
            inFlight.add(sha256);
            try {
                store.commit(staged);
                return datasets.recordContent(actor, ref, sha256, staged.size(), index.size());
            } finally {
                inFlight.remove(sha256);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(staged);
        }
    }

    /** Content that must not be cleaned up yet although no dataset references it. */
    public Set<String> inFlight() {
        return Set.copyOf(inFlight);
    }
}
