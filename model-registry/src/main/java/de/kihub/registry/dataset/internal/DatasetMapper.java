package de.kihub.registry.dataset.internal;

import de.kihub.registry.dataset.Dataset;

/** Maps dataset rows to the API record. */
final class DatasetMapper {
    private DatasetMapper() {}

    static Dataset toDataset(DatasetEntity e) {
        return new Dataset(
                e.id,
                e.ownerId + "/" + e.name,
                e.ownerId,
                e.name,
                e.displayName,
                e.description,
                e.task,
                e.format,
                e.license,
                e.visibility,
                e.requestedVisibility,
                e.sha256,
                e.sizeBytes,
                e.items,
                e.createdBy,
                e.createdAt,
                e.updatedAt);
    }
}
