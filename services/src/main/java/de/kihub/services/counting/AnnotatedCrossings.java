package de.kihub.services.counting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The true line crossings of annotated person tracks (ground truth such as MOTChallenge's {@code
 * gt.txt}), to compare {@link LineCounter}'s counts with.
 *
 * <p>Per person (annotated track id) and line, a crossing is a change of the foot point's side
 * between two consecutive appearances of that person; a foot point exactly on the (infinite) line
 * has no side and is skipped. Annotated tracks are exact, so there is neither a dead band nor a
 * check that the step touches the segment. The sides are {@link CountingLine}'s: arriving on the
 * right-hand side is "in", as for {@link LineCounter}. This is how the documented PETS09-S2L1 truth
 * (line x=400: 9 in, 7 out; y=300: 7 in, 10 out; all annotated boxes) was derived.
 *
 * <p>Boxes must be added in frame order. Not thread-safe.
 */
public final class AnnotatedCrossings {
    private final List<CountingLine> lines;
    private final List<Map<Integer, Integer>> lastSide = new ArrayList<>();
    private final int[] in;
    private final int[] out;

    public AnnotatedCrossings(List<CountingLine> lines) {
        this.lines = List.copyOf(lines);
        for (int i = 0; i < this.lines.size(); i++) {
            lastSide.add(new HashMap<>());
        }
        in = new int[this.lines.size()];
        out = new int[this.lines.size()];
    }

    /** The next annotated box of person {@code id}. */
    public void add(int id, Box box) {
        Objects.requireNonNull(box, "box");
        Point foot = box.footPoint();
        for (int i = 0; i < lines.size(); i++) {
            int side = (int) Math.signum(lines.get(i).signedDistance(foot));
            if (side == 0) {
                continue;
            }
            Integer before = lastSide.get(i).put(id, side);
            if (before != null && before != side) {
                if (side > 0) {
                    in[i]++;
                } else {
                    out[i]++;
                }
            }
        }
    }

    /** The crossings per line so far, in the order of the lines. */
    public List<LineCrossings> totals() {
        List<LineCrossings> totals = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            totals.add(new LineCrossings(lines.get(i).name(), in[i], out[i]));
        }
        return totals;
    }
}
