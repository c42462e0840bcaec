package de.kihub.services.counting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A SORT-like multi-person tracker: predicts every track one frame ahead, matches predictions to
 * the frame's detections by box overlap, corrects matched tracks, starts tentative tracks from
 * unmatched detections and ends tracks that stay unmatched. Ids are handed out when a track is
 * confirmed and live only in memory. Not thread-safe: one tracker follows one camera's frames in
 * order.
 *
 * <p>Matching is greedy, highest overlap first, rather than Hungarian. Both agree unless two tracks
 * overlap the same two detections and the best total overlap needs one of them to take its second
 * choice; frame-to-frame boxes of one walking person overlap far more than boxes of two people (on
 * PETS09 at 7 fps consecutive boxes of a person have IoU of 0.46 or more), so that case is rare,
 * and when it happens the people stand close together and an exchanged id hardly moves a foot
 * point. Greedy matching is short, deterministic and easy to follow.
 *
 * <p>A tentative track ends at its first miss (as in DeepSORT), so a one-frame false detection
 * never becomes a person; a confirmed track survives {@code maxAge} misses while coasting on its
 * velocity, but is reported only in frames where a detection confirms it.
 */
public final class Tracker {
    private final TrackerSettings settings;
    private final List<Track> tracks = new ArrayList<>();
    private long lastId;

    public Tracker(TrackerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Takes the next frame's detections and returns the confirmed tracks seen in it. */
    public List<TrackedObject> update(List<Detection> detections) {
        tracks.forEach(Track::predict);
        boolean[] detectionUsed = new boolean[detections.size()];
        boolean[] trackUsed = new boolean[tracks.size()];
        for (Candidate c : candidates(detections)) {
            if (!trackUsed[c.track] && !detectionUsed[c.detection]) {
                trackUsed[c.track] = true;
                detectionUsed[c.detection] = true;
                tracks.get(c.track).correct(detections.get(c.detection).box());
            }
        }
        for (int t = 0; t < trackUsed.length; t++) {
            if (!trackUsed[t]) {
                tracks.get(t).miss();
            }
        }
        tracks.removeIf(t -> t.misses() > 0 && !t.confirmed() || t.misses() > settings.maxAge());
        for (int d = 0; d < detectionUsed.length; d++) {
            if (!detectionUsed[d]) {
                tracks.add(new Track(detections.get(d).box()));
            }
        }
        List<TrackedObject> seen = new ArrayList<>();
        for (Track t : tracks) {
            if (!t.confirmed() && t.hits() >= settings.minHits()) {
                t.confirm(++lastId);
            }
            if (t.confirmed() && t.misses() == 0) {
                seen.add(new TrackedObject(t.id(), t.box(), t.start()));
            }
        }
        return seen;
    }

    /** Ids of the confirmed tracks that are still followed, seen in this frame or coasting. */
    public Set<Long> liveTrackIds() {
        return tracks.stream()
                .filter(Track::confirmed)
                .map(Track::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    private List<Candidate> candidates(List<Detection> detections) {
        List<Candidate> candidates = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Box predicted = tracks.get(t).box();
            for (int d = 0; d < detections.size(); d++) {
                double iou = predicted.iou(detections.get(d).box());
                if (iou >= settings.iouThreshold()) {
                    candidates.add(new Candidate(t, d, iou));
                }
            }
        }
        // stable sort: equal overlaps fall back to track age, then detection order
        candidates.sort(Comparator.comparingDouble(Candidate::iou).reversed());
        return candidates;
    }

    private record Candidate(int track, int detection, double iou) {}
}
