package de.kihub.services.publishing;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.artifact.ArtifactInspector;
import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.PayloadTooLargeException;
import de.kihub.registry.artifact.Sha256;
import de.kihub.registry.artifact.StagedArtifact;
import de.kihub.registry.artifact.TextFileCheck;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.TensorDescription;
import de.kihub.registry.version.VersionFile;
import de.kihub.registry.version.Versions;
import de.kihub.services.inspection.ModelLoadCheck;
import de.kihub.services.inspection.ModelLoadReport;
import de.kihub.services.inspection.TensorSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Takes an artifact upload: authorise before reading a byte, stream into a temporary file within
 * the limit, inspect it (format, archive safety, DJL load check in a child JVM), and only then make
 * it visible and record it on the version. Whatever fails leaves no file and no row behind.
 */
@ApplicationScoped
public class ArtifactIntake {
    private static final Logger LOG = Logger.getLogger(ArtifactIntake.class.getName());

    @Inject Versions versions;

    @Inject ArtifactStore store;

    @Inject ArtifactInspector inspector;

    @Inject ModelLoadCheck loadCheck;

    @Inject HubStorage storage;

    /** Content between its commit to the store and its version row; the clean-up leaves it. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public ModelVersion upload(
            Actor actor, ModelRef model, String version, Long contentLength, InputStream body) {
        versions.requireArtifactUpload(actor, model, version);
        long limit = storage.maxUploadBytes();
        if (contentLength != null && contentLength > limit) {
            throw new PayloadTooLargeException(limit);
        }
        long start = System.nanoTime();
        StagedArtifact staged = stage(body, limit);
        try {
            long streamed = System.nanoTime();
            ArtifactFormat format = inspector.inspect(staged.file());
            long inspected = System.nanoTime();
            ModelLoadReport report = loadCheckFor(format, staged);
            long loaded = System.nanoTime();
            LOG.info(
                    () ->
                            String.format(
                                    "upload %s@%s: %d bytes streamed and hashed in %d ms,"
                                            + " inspected (%s) in %d ms, load check %d ms",
                                    model,
                                    version,
                                    staged.size(),
                                    (streamed - start) / 1_000_000,
                                    format,
                                    (inspected - streamed) / 1_000_000,
                                    (loaded - inspected) / 1_000_000));
            ArtifactInfo info = info(staged, format, report);
            inFlight.add(info.sha256());
            try {
                store.commit(staged);
                return versions.recordArtifact(actor, model, version, info);
            } finally {
                inFlight.remove(info.sha256());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(staged);
        }
    }

    /** Adds or replaces an extra text file (labels, configuration) of a draft version. */
    public ModelVersion uploadFile(
            Actor actor,
            ModelRef model,
            String version,
            String fileName,
            Long contentLength,
            InputStream body) {
        versions.requireArtifactUpload(actor, model, version);
        String name = VersionFile.requireName(fileName);
        if (contentLength != null && contentLength > VersionFile.MAX_BYTES) {
            throw new PayloadTooLargeException(VersionFile.MAX_BYTES);
        }
        StagedArtifact staged = stage(body, VersionFile.MAX_BYTES);
        try {
            TextFileCheck.requireText(staged.file(), name);
            VersionFile file =
                    new VersionFile(
                            name,
                            staged.sha256().hex(),
                            staged.size(),
                            Instant.now().truncatedTo(ChronoUnit.MILLIS));
            inFlight.add(file.sha256());
            try {
                store.commit(staged);
                return versions.recordFile(actor, model, version, file);
            } finally {
                inFlight.remove(file.sha256());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(staged);
        }
    }

    /** Content that must not be cleaned up yet although no version references it. */
    Set<String> inFlight() {
        return Set.copyOf(inFlight);
    }

    private StagedArtifact stage(InputStream body, long limit) {
        try {
            return store.stage(body, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload failed", e);
        }
    }

    private ModelLoadReport loadCheckFor(ArtifactFormat format, StagedArtifact staged) {
        return switch (format) {
            case ONNX -> loadCheck.check(staged.file(), "OnnxRuntime");
            case TORCHSCRIPT -> loadCheck.check(staged.file(), "PyTorch");
            // archives are checked entry by entry; their model loads when it is deployed
            case DJL_ARCHIVE -> null;
        };
    }

    private static ArtifactInfo info(
            StagedArtifact staged, ArtifactFormat format, ModelLoadReport report) {
        Sha256 sha = staged.sha256();
        return new ArtifactInfo(
                sha.hex(),
                format,
                staged.size(),
                report == null ? null : report.engine(),
                report == null ? List.of() : describe(report.inputs()),
                report == null ? List.of() : describe(report.outputs()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static List<TensorDescription> describe(List<TensorSpec> specs) {
        return specs.stream()
                .map(t -> new TensorDescription(t.name(), t.dataType(), t.shape()))
                .toList();
    }
}
