package de.kihub.services.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Row of table {@code deployment_usage}: one deployment's usage in one interval. */
@Entity
@Table(name = "deployment_usage")
@IdClass(DeploymentUsageEntity.Key.class)
public class DeploymentUsageEntity {
    @Id
    @Column(name = "deployment_id")
    UUID deploymentId;

    @Id
    @Column(name = "interval_start")
    Instant start;

    @Column(name = "interval_seconds", nullable = false)
    int seconds;

    @Column(name = "requests", nullable = false)
    long requests;

    @Column(name = "errors", nullable = false)
    long errors;

    @Column(name = "rejected", nullable = false)
    long rejected;

    @Column(name = "latency_p50_ms", nullable = false)
    double p50Ms;

    @Column(name = "latency_p95_ms", nullable = false)
    double p95Ms;

    @Column(name = "latency_p99_ms", nullable = false)
    double p99Ms;

    @Column(name = "latency_max_ms", nullable = false)
    double maxMs;

    /** {@link LatencyHistogram#encode()}: the exact bucket counts, so intervals can be merged. */
    @Column(name = "latency_histogram", nullable = false, length = 4000)
    String histogram;

    /** The primary key: deployment and interval start. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        UUID deploymentId;
        Instant start;

        public Key() {}

        Key(UUID deploymentId, Instant start) {
            this.deploymentId = deploymentId;
            this.start = start;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(deploymentId, k.deploymentId)
                    && Objects.equals(start, k.start);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deploymentId, start);
        }
    }
}
