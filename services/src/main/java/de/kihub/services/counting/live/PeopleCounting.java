package de.kihub.services.counting.live;

import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.Versions;
import de.kihub.services.counting.CountingSession;
import de.kihub.services.counting.CountingSettings;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.FrameResult;
import de.kihub.services.counting.inference.Detectors;
import de.kihub.services.imaging.ImageDecoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.awt.image.BufferedImage;
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

    @Inject Models models;

    @Inject Versions versions;

    @Inject Detectors detectors;

    @Inject CountingStore store;

    private final ImageDecoder images = ImageDecoder.defaults();
    private final Map<UUID, LiveSession> live = new ConcurrentHashMap<>();

    public CountingApi.Prediction predict(
            Actor actor, ModelRef ref, String version, byte[] image, Float threshold) {
        String sha = countingArtifact(actor, ref, version);
        BufferedImage decoded = images.decode(image);
        List<Detection> found = detectors.detect(sha, decoded, CountingSpecs.detection(threshold));
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

    public CountingApi.SessionState createSession(
            Actor actor, ModelRef ref, String version, CountingApi.SessionSpec spec) {
        if (actor.tenant() == null) {
            throw new ForbiddenException(
                    "A counting session belongs to a tenant; you act for none.");
        }
        String sha = countingArtifact(actor, ref, version);
        DetectionSettings detection =
                CountingSpecs.detection(
                        spec.scoreThreshold(), spec.minBoxSize(), spec.regionOfInterest());
        CountingSession counting =
                new CountingSession(
                        CountingSpecs.lines(spec.lines()),
                        CountingSpecs.zones(spec.zones()),
                        CountingSettings.defaults());
        if (live.size() >= MAX_LIVE_SESSIONS) {
            throw new ConflictException(
                    "The hub runs " + MAX_LIVE_SESSIONS + " counting sessions; end one first.");
        }
        CountingSessionEntity e = new CountingSessionEntity();
        e.id = UUID.randomUUID();
        e.tenantId = actor.tenant().value();
        e.model = ref.toString();
        e.version = versions.get(actor, ref, version).version();
        e.configuration = toJson(spec);
        e.createdBy = actor.user();
        e.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.saveSession(e);
        LiveSession session =
                new LiveSession(e.id, e.tenantId, e.model, e.version, sha, detection, counting);
        live.put(e.id, session);
        return session.state();
    }

    public CountingApi.SessionState addFrame(
            Actor actor, UUID id, byte[] image, Instant capturedAt) {
        LiveSession session = liveSession(actor, id);
        BufferedImage decoded = images.decode(image);
        List<Detection> found = detectors.detect(session.sha256, decoded, session.detection);
        synchronized (session) {
            Instant at = capturedAt != null ? capturedAt : Instant.now();
            FrameResult result = session.counting.accept(found, at);
            session.record(result);
            store.saveIntervals(session.id, session.counting.takeFinishedIntervals());
            return session.state();
        }
    }

    public CountingApi.SessionState session(Actor actor, UUID id) {
        return liveSession(actor, id).state();
    }

    public List<CountingApi.Interval> intervals(Actor actor, UUID id) {
        store.session(id, actor.tenant());
        return store.intervals(id);
    }

    /** Ends sessions idle for longer than {@code idle}, storing their open interval. */
    public int expireIdle(Duration idle) {
        Instant limit = Instant.now().minus(idle);
        int ended = 0;
        for (LiveSession s : live.values()) {
            if (s.lastUsed.isBefore(limit) && live.remove(s.id, s)) {
                synchronized (s) {
                    store.saveIntervals(s.id, s.counting.flush());
                }
                ended++;
            }
        }
        return ended;
    }

    private LiveSession liveSession(Actor actor, UUID id) {
        store.session(id, actor.tenant());
        LiveSession s = live.get(id);
        if (s == null) {
            throw new ConflictException(
                    "Counting session "
                            + id
                            + " has ended (idle too long or the hub restarted); start a new one.");
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

    private static String toJson(Object o) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(o);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the session configuration", e);
        }
    }
}
