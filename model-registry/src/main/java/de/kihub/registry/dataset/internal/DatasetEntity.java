package de.kihub.registry.dataset.internal;

import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.model.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code dataset}; never serialised, mapped by {@link DatasetMapper}. */
@Entity
@Table(name = "dataset")
public class DatasetEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "owner_id", nullable = false, length = 63)
    String ownerId;

    @Column(name = "name", nullable = false, length = 63)
    String name;

    @Column(name = "display_name", nullable = false, length = 200)
    String displayName;

    @Column(name = "description", length = 4000)
    String description;

    @Column(name = "task", nullable = false, length = 60)
    String task;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false, length = 20)
    DatasetFormat format;

    @Column(name = "license", nullable = false, length = 100)
    String license;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false, length = 20)
    Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_visibility", length = 20)
    Visibility requestedVisibility;

    @Column(name = "sha256", length = 64)
    String sha256;

    @Column(name = "size_bytes")
    Long sizeBytes;

    @Column(name = "items")
    Integer items;

    @Column(name = "review_comment", length = 2000)
    String reviewComment;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    long rowVersion;
}
