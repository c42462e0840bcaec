package de.kihub.services.classification;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.Sha256;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionFile;
import de.kihub.registry.version.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a model version's classifier description from the registry: its artifact's signature and
 * its extra files {@code labels.txt} and {@code preprocessing.json} ({@link ClassifierConvention}).
 */
@ApplicationScoped
public class ClassifierSpecs {
    @Inject Versions versions;

    @Inject ArtifactStore store;

    /**
     * The classifier of a version the actor may see.
     *
     * @throws de.kihub.registry.artifact.InvalidArtifactException (422) naming why the version is
     *     not an image classifier the hub can run
     */
    public ClassifierSpec resolve(Actor actor, ModelRef model, String version) {
        ModelVersion v = versions.get(actor, model, version);
        VersionFile labels = file(v, ClassifierConvention.LABELS_FILE);
        VersionFile preprocessing = file(v, ClassifierConvention.PREPROCESSING_FILE);
        return ClassifierConvention.resolve(
                model + " " + version,
                v.artifact(),
                labels == null ? null : labels.sha256(),
                labels == null ? null : text(labels.sha256()),
                preprocessing == null ? null : text(preprocessing.sha256()));
    }

    /** The classifier an evaluation stored in its configuration, its labels read by sha256. */
    public ClassifierSpec fromConfiguration(String modelSha256, JsonObject configuration) {
        return ClassifierConvention.fromConfiguration(
                modelSha256,
                configuration,
                text(configuration.getString(ClassifierConvention.LABELS_SHA_KEY)));
    }

    private static VersionFile file(ModelVersion v, String name) {
        return v.files() == null
                ? null
                : v.files().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** An extra file's text; extra files are UTF-8 and at most 10 MiB (checked on upload). */
    private String text(String sha256) {
        try (InputStream in = store.open(Sha256.of(sha256))) {
            return new String(in.readNBytes((int) VersionFile.MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading extra file " + sha256 + " failed", e);
        }
    }
}
