package de.kihub.services.counting.live;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Row of table {@code counting_interval} with its per-line and per-zone numbers. */
@Entity
@Table(name = "counting_interval")
public class CountingIntervalEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(name = "interval_start", nullable = false)
    Instant start;

    @Column(name = "interval_seconds", nullable = false)
    int seconds;

    @Column(name = "frames", nullable = false)
    int frames;

    @Column(name = "mean_count", nullable = false)
    double meanCount;

    @Column(name = "max_count", nullable = false)
    int maxCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "counting_interval_line",
            joinColumns = @JoinColumn(name = "interval_id"))
    List<Line> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "counting_interval_zone",
            joinColumns = @JoinColumn(name = "interval_id"))
    List<ZonePeak> zones = new ArrayList<>();

    /** Crossings of one line during the interval. */
    @Embeddable
    public static class Line {
        @Column(name = "line", nullable = false, length = 100)
        String line;

        @Column(name = "crossings_in", nullable = false)
        int in;

        @Column(name = "crossings_out", nullable = false)
        int out;
    }

    /** Peak occupancy of one zone during the interval. */
    @Embeddable
    public static class ZonePeak {
        @Column(name = "zone", nullable = false, length = 100)
        String zone;

        @Column(name = "peak_occupancy", nullable = false)
        int peak;
    }
}
