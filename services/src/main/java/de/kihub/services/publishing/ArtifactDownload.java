package de.kihub.services.publishing;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.Sha256;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionFile;
import de.kihub.registry.version.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Serves a version's artifact to whoever may see the version, streamed from the store. */
@ApplicationScoped
public class ArtifactDownload {

    /** What a download sends: content address, length and a file name for the browser. */
    public record Content(String sha256, long size, String fileName) {}

    @Inject Versions versions;

    @Inject ArtifactStore store;

    public Content open(Actor actor, ModelRef model, String version) {
        ModelVersion v = versions.get(actor, model, version);
        ArtifactInfo artifact = v.artifact();
        if (artifact == null) {
            throw new NotFoundException(
                    "Version " + v.version() + " of '" + model + "' has no artifact yet.");
        }
        return new Content(
                artifact.sha256(),
                artifact.size(),
                model.name() + "-" + v.version() + extension(artifact.format()));
    }

    public Content openFile(Actor actor, ModelRef model, String version, String fileName) {
        VersionFile file = versions.file(actor, model, version, fileName);
        return new Content(file.sha256(), file.size(), file.name());
    }

    public void copy(Content content, OutputStream out) throws IOException {
        try (InputStream in = store.open(Sha256.of(content.sha256()))) {
            in.transferTo(out);
        }
    }

    private static String extension(ArtifactFormat format) {
        return switch (format) {
            case ONNX -> ".onnx";
            case TORCHSCRIPT -> ".pt";
            case DJL_ARCHIVE -> ".zip";
        };
    }
}
