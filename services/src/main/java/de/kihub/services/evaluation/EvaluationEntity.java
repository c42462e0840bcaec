package de.kihub.services.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of table {@code evaluation}; never serialised (see {@link Evaluation}). Changes go through
 * {@link EvaluationStore}'s single-column updates, so the job's progress and a tenant's share do
 * not overwrite each other.
 */
@Entity
@Table(name = "evaluation")
public class EvaluationEntity {
    @Id
    @Column(name = "id")
    UUID id;

    /** The tenant that ran it; null for a platform curator. */
    @Column(name = "tenant_id", length = 63)
    String tenantId;

    @Column(name = "model_id", nullable = false)
    UUID modelId;

    @Column(name = "version_id", nullable = false)
    UUID versionId;

    @Column(name = "dataset_id", nullable = false)
    UUID datasetId;

    @Column(name = "task", nullable = false, length = 60)
    String task;

    @Column(name = "configuration", nullable = false, length = 16000)
    String configuration;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    EvaluationStatus status;

    @Column(name = "items_done", nullable = false)
    int itemsDone;

    @Column(name = "items_total")
    Integer itemsTotal;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(name = "duration_ms")
    Long durationMs;

    @Column(name = "metrics", length = 200000)
    String metrics;

    @Column(name = "model_sha256", nullable = false, length = 64)
    String modelSha256;

    @Column(name = "dataset_sha256", nullable = false, length = 64)
    String datasetSha256;

    @Column(name = "hub_version", nullable = false, length = 100)
    String hubVersion;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "failure_reason", length = 2000)
    String failureReason;

    @Column(name = "shared", nullable = false)
    boolean shared;

    @Column(name = "public_result", nullable = false)
    boolean publicResult;
}
