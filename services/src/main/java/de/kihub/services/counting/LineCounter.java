package de.kihub.services.counting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts the tracks whose foot point crosses one {@link CountingLine}.
 *
 * <p>Jitter is held off by a dead band: a foot point closer to the line than {@code deadBand}
 * pixels belongs to neither side, and a track keeps the side where it was last seen outside the
 * band. A crossing is counted when a track that was settled on one side is next seen settled on the
 * other, and the step between those two foot points touches the line segment (so walking around the
 * end of the line is not a crossing). A foot point wobbling around the line therefore counts
 * nothing until it leaves the band on the other side, and then counts once; a person who really
 * goes back counts again, in the other direction. With a dead band of 0 the side is the strict sign
 * of the distance and a point exactly on the line belongs to neither side.
 *
 * <p>A track seen for the first time is compared with the foot point it started from, so a line
 * crossed while the track was still waiting for confirmation counts too.
 *
 * <p>Remembers one side per live track and nothing else. Not thread-safe.
 */
public final class LineCounter {
    private final CountingLine line;
    private final double deadBand;
    private final Map<Long, Settled> settled = new HashMap<>();
    private int totalIn;
    private int totalOut;

    public LineCounter(CountingLine line, double deadBand) {
        this.line = Objects.requireNonNull(line, "line");
        if (!(deadBand >= 0) || !Double.isFinite(deadBand)) {
            throw new IllegalArgumentException(
                    "The dead band must be 0 or more pixels, got " + deadBand);
        }
        this.deadBand = deadBand;
    }

    /**
     * Takes the confirmed tracks of the next frame and returns the crossings that happened in it.
     */
    public LineCrossings update(List<TrackedObject> tracks) {
        int in = 0;
        int out = 0;
        for (TrackedObject track : tracks) {
            Point foot = track.box().footPoint();
            int side = side(foot);
            if (side == 0) {
                continue;
            }
            Settled before = settled.get(track.id());
            if (before == null && side(track.start()) != 0) {
                before = new Settled(side(track.start()), track.start());
            }
            settled.put(track.id(), new Settled(side, foot));
            if (before != null && before.side != side && line.crossedBy(before.foot, foot)) {
                // the right-hand side is positive, so arriving there is "in"
                if (side > 0) {
                    in++;
                } else {
                    out++;
                }
            }
        }
        totalIn += in;
        totalOut += out;
        return new LineCrossings(line.name(), in, out);
    }

    /** Forgets the tracks that the tracker has ended, so memory stays bounded. */
    public void retainTracks(Set<Long> liveIds) {
        settled.keySet().retainAll(liveIds);
    }

    /** Crossings since this counter was made. */
    public LineCrossings totals() {
        return new LineCrossings(line.name(), totalIn, totalOut);
    }

    public CountingLine line() {
        return line;
    }

    /** 1 on the right-hand side beyond the dead band, -1 on the left-hand side, else 0. */
    private int side(Point p) {
        double distance = line.signedDistance(p);
        return distance > deadBand ? 1 : distance < -deadBand ? -1 : 0;
    }

    private record Settled(int side, Point foot) {}
}
