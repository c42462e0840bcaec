package de.kihub.registry.model.internal;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.version.VersionStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Row of table {@code model_version} with its tensors; never serialised. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "model_id", nullable = false)
    UUID modelId;

    @Column(name = "version", nullable = false, length = 100)
    String version;

    @Column(name = "version_major", nullable = false)
    int major;

    @Column(name = "version_minor", nullable = false)
    int minor;

    @Column(name = "version_patch", nullable = false)
    int patch;

    @Column(name = "changelog", length = 4000)
    String changelog;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    VersionStatus status;

    @Column(name = "review_comment", length = 2000)
    String reviewComment;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "submitted_at")
    Instant submittedAt;

    @Column(name = "reviewed_at")
    Instant reviewedAt;

    @Column(name = "reviewed_by")
    String reviewedBy;

    @Column(name = "artifact_sha256", length = 64)
    String artifactSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "artifact_format", length = 20)
    ArtifactFormat artifactFormat;

    @Column(name = "artifact_size")
    Long artifactSize;

    @Column(name = "artifact_engine", length = 40)
    String artifactEngine;

    @Column(name = "inspected_at")
    Instant inspectedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    long rowVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_version_tensor", joinColumns = @JoinColumn(name = "version_id"))
    List<Tensor> tensors = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_version_file", joinColumns = @JoinColumn(name = "version_id"))
    List<File> files = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_card_section", joinColumns = @JoinColumn(name = "version_id"))
    List<CardText> card = new ArrayList<>();

    /** One section of the card in one language. */
    @Embeddable
    public static class CardText {
        @Column(name = "section", nullable = false, length = 40)
        String section;

        @Column(name = "language", nullable = false, length = 2)
        String language;

        @Column(name = "markdown", nullable = false, length = 20000)
        String markdown;

        protected CardText() {}

        CardText(String section, String language, String markdown) {
            this.section = section;
            this.language = language;
            this.markdown = markdown;
        }
    }

    /** An extra file (labels, configuration). */
    @Embeddable
    public static class File {
        @Column(name = "file_name", nullable = false, length = 100)
        String name;

        @Column(name = "sha256", nullable = false, length = 64)
        String sha256;

        @Column(name = "size", nullable = false)
        long size;

        @Column(name = "uploaded_at", nullable = false)
        Instant uploadedAt;

        protected File() {}

        File(String name, String sha256, long size, Instant uploadedAt) {
            this.name = name;
            this.sha256 = sha256;
            this.size = size;
            this.uploadedAt = uploadedAt;
        }
    }

    /** One input or output; {@code shape} as comma-separated dimensions. */
    @Embeddable
    public static class Tensor {
        @Column(name = "direction", nullable = false, length = 6)
        String direction;

        @Column(name = "position", nullable = false)
        int position;

        @Column(name = "name", nullable = false)
        String name;

        @Column(name = "data_type", length = 40)
        String dataType;

        @Column(name = "shape")
        String shape;

        protected Tensor() {}

        Tensor(String direction, int position, String name, String dataType, String shape) {
            this.direction = direction;
            this.position = position;
            this.name = name;
            this.dataType = dataType;
            this.shape = shape;
        }
    }
}
