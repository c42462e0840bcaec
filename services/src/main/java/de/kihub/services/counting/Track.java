package de.kihub.services.counting;

/**
 * One followed person: an alpha-beta filter on the box centre with a constant-velocity model, and
 * plain exponential smoothing of the box size.
 *
 * <p>Why not SORT's Kalman filter: with constant noise settings, a Kalman filter's gain settles
 * within a few frames, and for a constant-velocity model whose coordinates are independent it
 * settles to exactly an alpha-beta filter per coordinate. The fixed gains give the same steady
 * behaviour in a few lines without matrices. The size gets no velocity because a person's box size
 * changes slowly and a size velocity is what lets SORT's boxes shrink to nothing while coasting.
 */
final class Track {
    /** Weight of a new position measurement; 0.5 trusts detector and motion model alike. */
    private static final double ALPHA = 0.5;

    /**
     * Weight of the position residual in the velocity update: Benedict and Bordner's alpha²/(2 -
     * alpha), which balances noise smoothing against lag for manoeuvring targets.
     */
    private static final double BETA = ALPHA * ALPHA / (2 - ALPHA);

    private final Point start;
    private double cx;
    private double cy;
    private double vx;
    private double vy;
    private double w;
    private double h;
    private int hits = 1;
    private int misses;
    private long id;

    Track(Box first) {
        start = first.footPoint();
        cx = first.x() + first.w() / 2;
        cy = first.y() + first.h() / 2;
        w = first.w();
        h = first.h();
    }

    /** Moves the track one frame ahead; called for every track before matching. */
    void predict() {
        cx += vx;
        cy += vy;
    }

    void correct(Box z) {
        double zx = z.x() + z.w() / 2;
        double zy = z.y() + z.h() / 2;
        if (hits == 1) {
            // two-point start: the first velocity is the displacement, not a slow climb from 0
            vx = zx - cx;
            vy = zy - cy;
            cx = zx;
            cy = zy;
            w = z.w();
            h = z.h();
        } else {
            double rx = zx - cx;
            double ry = zy - cy;
            cx += ALPHA * rx;
            cy += ALPHA * ry;
            vx += BETA * rx;
            vy += BETA * ry;
            w += ALPHA * (z.w() - w);
            h += ALPHA * (z.h() - h);
        }
        hits++;
        misses = 0;
    }

    void miss() {
        misses++;
    }

    Box box() {
        return new Box(cx - w / 2, cy - h / 2, w, h);
    }

    int hits() {
        return hits;
    }

    int misses() {
        return misses;
    }

    Point start() {
        return start;
    }

    boolean confirmed() {
        return id != 0;
    }

    long id() {
        return id;
    }

    void confirm(long newId) {
        id = newId;
    }
}
