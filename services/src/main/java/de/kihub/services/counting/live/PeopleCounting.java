package de.kihub.services.counting.live;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.Versions;
import de.kihub.services.counting.CountingSession;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.FrameResult;
import de.kihub.services.counting.inference.Detectors;
import de.kihub.services.imaging.ImageDecoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts people: in one image, or across a camera's frames in a session. Images live only in memory
 * for the duration of a request; sessions keep running totals in memory and store nothing but
 * per-interval aggregates.
 */
@ApplicationScoped
public class PeopleCounting {
    static final String TASK = "people-counting";
    static final int MAX_LIVE_SESSIONS = 200;
    static final Duration MAX_BUCKET = Duration.ofDays(31);
    static final Duration MAX_RANGE = Duration.ofDays(400);
    static final long MAX_BUCKETS = 10_000;

    @Inject Models models;

    @Inject Versions versions;

    @Inject Detectors detectors;

    @Inject CountingStore store;

    private final ImageDecoder images = ImageDecoder.defaults();
    private final Map<UUID, LiveSession> live = new ConcurrentHashMap<>();

    /**
     * "Try it": counts the people in one image with a model version the actor may see, with the
     * model's defaults; nothing is stored.
     */
    public CountingApi.Prediction predict(
            Actor actor, ModelRef ref, String version, byte[] image, Float threshold) {
        String sha = countingArtifact(actor, ref, version);
        try (ImageDecoder.Decoded decoded = images.decodeReusing(image)) {
            return prediction(
                    detectors.detect(sha, decoded.image(), CountingSpecs.detection(threshold)));
        }
    }

    private static CountingApi.Prediction prediction(List<Detection> found) {
        return new CountingApi.Prediction(
                found.size(),
                found.stream()
                        .map(
                                d ->
                                        new CountingApi.Found(
                                                new double[] {
                                                    round(d.box().x()),
                                                    round(d.box().y()),
                                                    round(d.box().w()),
                                                    round(d.box().h())
                                                },
                                                Math.round(d.score() * 1000) / 1000f))
                        .toList());
    }

    /** Counts the people in one image of a deployment; the image is dropped after the call. */
    public CountingApi.Prediction predict(
            String sha256, CountingConfiguration configuration, byte[] image) {
        try (ImageDecoder.Decoded decoded = images.decodeReusing(image)) {
            return prediction(detectors.detect(sha256, decoded.image(), configuration.detection()));
        }
    }

    /** Starts counting one camera of a deployment with the deployment's lines and zones. */
    public CountingApi.SessionState createSession(
            CountingApi.DeploymentRef deployment,
            CountingConfiguration configuration,
            String createdBy) {
        CountingSession counting =
                new CountingSession(
                        configuration.countingLines(),
                        configuration.countingZones(),
                        configuration.counting());
        if (live.size() >= MAX_LIVE_SESSIONS) {
            throw new ConflictException(
                    "The hub runs " + MAX_LIVE_SESSIONS + " counting sessions; end one first.");
        }
        CountingSessionEntity e = new CountingSessionEntity();
        e.id = UUID.randomUUID();
        e.tenantId = deployment.tenant().value();
        e.deploymentId = deployment.id();
        e.model = deployment.model();
        e.version = deployment.version();
        e.configuration = configuration.normalized();
        e.createdBy = createdBy;
        e.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.saveSession(e);
        LiveSession session =
                new LiveSession(
                        e.id,
                        e.tenantId,
                        deployment.id(),
                        e.model,
                        e.version,
                        configuration.detection(),
                        counting);
        live.put(e.id, session);
        return session.state();
    }

    /**
     * The next frame of a session, counted with the model the deployment runs now ({@code sha256}:
     * after an upgrade the next frame uses the new version).
     */
    public CountingApi.SessionState addFrame(
            CountingApi.DeploymentRef deployment,
            String sha256,
            UUID id,
            byte[] image,
            Instant capturedAt) {
        LiveSession session = liveSession(deployment, id);
        List<Detection> found;
        try (ImageDecoder.Decoded decoded = images.decodeReusing(image)) {
            found = detectors.detect(sha256, decoded.image(), session.detection);
        }
        synchronized (session) {
            Instant at = capturedAt != null ? capturedAt : Instant.now();
            FrameResult result = session.counting.accept(found, at);
            session.record(result);
            store.saveIntervals(session.id, session.counting.takeFinishedIntervals());
            return session.state();
        }
    }

    public CountingApi.SessionState session(CountingApi.DeploymentRef deployment, UUID id) {
        return liveSession(deployment, id).state();
    }

    /** Ends a session now, storing its open interval. */
    public CountingApi.SessionState endSession(CountingApi.DeploymentRef deployment, UUID id) {
        LiveSession s = liveSession(deployment, id);
        end(s);
        return s.state();
    }

    public List<CountingApi.Interval> intervals(CountingApi.DeploymentRef deployment, UUID id) {
        store.session(id, deployment.tenant(), deployment.id());
        return store.intervals(id);
    }

    /**
     * A deployment's stored aggregates in [from, to), regrouped into buckets of {@code interval}
     * (at least the deployment's aggregation interval and a whole multiple of it).
     */
    public CountingApi.Counts counts(
            CountingApi.DeploymentRef deployment,
            CountingConfiguration configuration,
            Instant from,
            Instant to,
            Duration interval) {
        Duration base = configuration.counting().interval();
        Duration size = interval == null ? base : interval;
        if (size.compareTo(base) < 0
                || size.toMillis() % base.toMillis() != 0
                || size.compareTo(MAX_BUCKET) > 0) {
            throw new InvalidRequestException(
                    "'interval' must be a whole multiple of the deployment's aggregation interval"
                            + " ("
                            + base
                            + ") and at most "
                            + MAX_BUCKET
                            + "; got "
                            + size
                            + ".");
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidRequestException(
                    "'from' must lie before 'to', at most " + MAX_RANGE.toDays() + " days apart.");
        }
        if (Duration.between(from, to).dividedBy(size) > MAX_BUCKETS) {
            throw new InvalidRequestException(
                    "That range has more than "
                            + MAX_BUCKETS
                            + " buckets; choose a longer interval.");
        }
        List<CountingApi.Interval> rows =
                store.deploymentIntervals(deployment.tenant(), deployment.id(), from, to);
        return new CountingApi.Counts(
                deployment.id(),
                from,
                to,
                size.toString(),
                CountBuckets.regroup(rows, size),
                CountBuckets.lineTotals(rows));
    }

    /** Deletes a deployment's aggregates older than its retention period. */
    public int deleteExpired(UUID deploymentId, CountingConfiguration configuration, Instant now) {
        return store.deleteBefore(
                deploymentId, now.minus(Duration.ofDays(configuration.retention())));
    }

    /** Ends every session of a deployment (paused, retired or upgraded away), storing them. */
    public int endSessions(UUID deploymentId) {
        int ended = 0;
        for (LiveSession s : live.values()) {
            if (deploymentId.equals(s.deploymentId) && end(s)) {
                ended++;
            }
        }
        return ended;
    }

    /** Ends sessions idle for longer than {@code idle}, storing their open interval. */
    public int expireIdle(Duration idle) {
        Instant limit = Instant.now().minus(idle);
        int ended = 0;
        for (LiveSession s : live.values()) {
            if (s.lastUsed.isBefore(limit) && end(s)) {
                ended++;
            }
        }
        return ended;
    }

    private boolean end(LiveSession s) {
        if (!live.remove(s.id, s)) {
            return false;
        }
        synchronized (s) {
            store.saveIntervals(s.id, s.counting.flush());
        }
        return true;
    }

    private LiveSession liveSession(CountingApi.DeploymentRef deployment, UUID id) {
        store.session(id, deployment.tenant(), deployment.id());
        LiveSession s = live.get(id);
        if (s == null) {
            throw new ConflictException(
                    "Counting session "
                            + id
                            + " has ended (idle too long, its deployment was paused, or the hub"
                            + " restarted); start a new one.");
        }
        return s;
    }

    /** The sha256 of a version's ONNX artifact, if the actor may use it for counting. */
    private String countingArtifact(Actor actor, ModelRef ref, String version) {
        Model model = models.get(actor, ref);
        if (!TASK.equals(model.task())) {
            throw new InvalidRequestException("'" + ref + "' is not a people-counting model.");
        }
        ModelVersion v = versions.get(actor, ref, version);
        if (v.artifact() == null || v.artifact().format() != ArtifactFormat.ONNX) {
            throw new ConflictException(
                    "Version "
                            + v.version()
                            + " of '"
                            + ref
                            + "' has no ONNX model to count with.");
        }
        return v.artifact().sha256();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
