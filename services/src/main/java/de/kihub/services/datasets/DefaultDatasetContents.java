package de.kihub.services.datasets;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactStore;
import de.kihub.registry.artifact.Sha256;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetRef;
import de.kihub.registry.dataset.Datasets;
import de.kihub.registry.error.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Opens a dataset's validated zip from the artifact store, read in place (never unpacked). */
@ApplicationScoped
public class DefaultDatasetContents implements DatasetContents {

    @Inject Datasets datasets;

    @Inject ArtifactStore store;

    @Override
    public DatasetContent open(Actor actor, DatasetRef ref) {
        return open(datasets.get(actor, ref));
    }

    @Override
    public DatasetContent open(UUID datasetId) {
        return open(datasets.get(datasetId));
    }

    private DatasetContent open(Dataset dataset) {
        if (dataset.sha256() == null) {
            throw new ConflictException(
                    "The dataset '"
                            + dataset.dataset()
                            + "' has no content yet; its owner uploads it first.");
        }
        try {
            return ZipDatasetContent.open(store.localFile(Sha256.of(dataset.sha256())), dataset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
