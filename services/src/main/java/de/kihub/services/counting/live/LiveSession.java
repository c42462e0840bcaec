package de.kihub.services.counting.live;

import de.kihub.services.counting.CountingSession;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.FrameResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A running session in memory: its counter and the latest totals; never an image. */
final class LiveSession {
    final UUID id;
    final String tenantId;
    final UUID deploymentId;
    final String model;
    final String version;
    final DetectionSettings detection;
    final CountingSession counting;
    volatile Instant lastUsed = Instant.now();
    private int frames;
    private Instant lastFrameAt;
    private FrameResult last;

    LiveSession(
            UUID id,
            String tenantId,
            UUID deploymentId,
            String model,
            String version,
            DetectionSettings detection,
            CountingSession counting) {
        this.id = id;
        this.tenantId = tenantId;
        this.deploymentId = deploymentId;
        this.model = model;
        this.version = version;
        this.detection = detection;
        this.counting = counting;
    }

    synchronized void record(FrameResult result) {
        frames++;
        lastFrameAt = result.captureTime();
        last = result;
        lastUsed = Instant.now();
    }

    synchronized CountingApi.SessionState state() {
        List<CountingApi.LineTotal> lines =
                last == null
                        ? List.of()
                        : last.totals().stream()
                                .map(t -> new CountingApi.LineTotal(t.line(), t.in(), t.out()))
                                .toList();
        List<CountingApi.ZoneState> zones =
                last == null
                        ? List.of()
                        : last.occupancy().stream()
                                .map(z -> new CountingApi.ZoneState(z.zone(), z.occupancy()))
                                .toList();
        return new CountingApi.SessionState(id, model, version, frames, lines, zones, lastFrameAt);
    }
}
