package de.kihub.services.publishing;

import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.Sha256;
import de.kihub.registry.dataset.Datasets;
import de.kihub.registry.version.Versions;
import de.kihub.services.datasets.DatasetIntake;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Removes stored content that no version and no dataset references any more (a draft's artifact or
 * a private dataset's content that was replaced), every hour and on a curator's request. Content
 * being recorded right now is kept.
 */
@Singleton
public class ArtifactCleanup {
    private static final Logger LOG = Logger.getLogger(ArtifactCleanup.class.getName());

    @Inject ArtifactStore store;

    @Inject Versions versions;

    @Inject ArtifactIntake intake;

    @Inject Datasets datasets;

    @Inject DatasetIntake datasetIntake;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        run();
    }

    /** Deletes unreferenced content; returns how many objects were removed. */
    public int run() {
        try {
            Set<Sha256> unreferenced = new HashSet<>(store.list());
            // in-flight content first: it leaves that set only after its row is committed, so
            // the queries below see every listed object that is no longer in flight
            Set<String> keep = new HashSet<>(intake.inFlight());
            keep.addAll(datasetIntake.inFlight());
            keep.addAll(versions.referencedArtifacts());
            keep.addAll(datasets.referencedContent());
            unreferenced.removeIf(sha -> keep.contains(sha.hex()));
            int removed = 0;
            for (Sha256 sha : unreferenced) {
                if (store.delete(sha)) {
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.info("Artifact clean-up removed " + removed + " unreferenced object(s)");
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
