package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineCounterTest {
    private static final CountingLine DOWN =
            new CountingLine("down", new Point(400, 0), new Point(400, 576));
    private static final CountingLine UP =
            new CountingLine("up", new Point(400, 576), new Point(400, 0));
    private static final CountingLine RIGHT =
            new CountingLine("right", new Point(0, 300), new Point(768, 300));

    @Test
    void walkingFromTheScreenRightToTheLeftCountsInForALineDrawnDownwards() {
        LineCounter counter = new LineCounter(DOWN, 0);

        feet(counter, 1, new Point(420, 200), new Point(410, 200), new Point(390, 200));

        assertEquals(new LineCrossings("down", 1, 0), counter.totals());
    }

    @Test
    void walkingFromTheScreenLeftToTheRightCountsOutForALineDrawnDownwards() {
        LineCounter counter = new LineCounter(DOWN, 0);

        feet(counter, 1, new Point(380, 200), new Point(395, 200), new Point(405, 200));

        assertEquals(new LineCrossings("down", 0, 1), counter.totals());
    }

    @Test
    void theSameWalkCountsTheOtherWayForTheReversedLine() {
        LineCounter down = new LineCounter(DOWN, 0);
        LineCounter up = new LineCounter(UP, 0);
        Point[] walk = {new Point(380, 200), new Point(395, 200), new Point(405, 200)};

        feet(down, 1, walk);
        feet(up, 1, walk);

        assertEquals(new LineCrossings("down", 0, 1), down.totals());
        assertEquals(new LineCrossings("up", 1, 0), up.totals());
    }

    @Test
    void walkingDownwardsCountsInForALineDrawnToTheRight() {
        LineCounter counter = new LineCounter(RIGHT, 0);

        feet(counter, 1, new Point(100, 280), new Point(100, 320));
        feet(counter, 2, new Point(200, 330), new Point(200, 290));

        assertEquals(new LineCrossings("right", 1, 1), counter.totals());
    }

    @Test
    void reportsTheCrossingsOfEachFrame() {
        LineCounter counter = new LineCounter(DOWN, 0);
        counter.update(List.of(track(1, new Point(410, 100)), track(2, new Point(390, 100))));

        LineCrossings frame =
                counter.update(
                        List.of(track(1, new Point(395, 100)), track(2, new Point(405, 100))));

        assertEquals(new LineCrossings("down", 1, 1), frame);
        assertEquals(
                new LineCrossings("down", 0, 0),
                counter.update(List.of(track(1, new Point(390, 100)))));
    }

    @Test
    void jitterAroundTheLineInsideTheDeadBandCountsNothing() {
        LineCounter counter = new LineCounter(DOWN, 3);

        feet(
                counter,
                1,
                new Point(410, 200),
                new Point(402, 200),
                new Point(398.5, 200),
                new Point(401, 200),
                new Point(397.5, 200),
                new Point(402.5, 200),
                new Point(410, 200));

        assertEquals(new LineCrossings("down", 0, 0), counter.totals());
    }

    @Test
    void jitterWhileCrossingCountsOnce() {
        LineCounter counter = new LineCounter(DOWN, 3);

        feet(
                counter,
                1,
                new Point(410, 200),
                new Point(401, 200),
                new Point(399, 200),
                new Point(402, 200),
                new Point(396, 200),
                new Point(398, 200),
                new Point(395, 200),
                new Point(380, 200));

        assertEquals(new LineCrossings("down", 1, 0), counter.totals());
    }

    @Test
    void withoutDeadBandAPointOnTheLineBelongsToNeitherSide() {
        LineCounter counter = new LineCounter(DOWN, 0);

        feet(counter, 1, new Point(410, 200), new Point(400, 200), new Point(410, 200));
        feet(counter, 2, new Point(410, 200), new Point(400, 200), new Point(390, 200));

        assertEquals(new LineCrossings("down", 1, 0), counter.totals());
    }

    @Test
    void goingBackAcrossTheLineCountsTheOtherDirection() {
        LineCounter counter = new LineCounter(DOWN, 3);

        feet(counter, 1, new Point(410, 200), new Point(390, 200), new Point(410, 200));

        assertEquals(new LineCrossings("down", 1, 1), counter.totals());
    }

    @Test
    void passingBeyondTheEndOfTheSegmentIsNoCrossing() {
        CountingLine door = new CountingLine("door", new Point(400, 100), new Point(400, 200));
        LineCounter counter = new LineCounter(door, 0);

        feet(counter, 1, new Point(420, 300), new Point(380, 300));
        feet(counter, 2, new Point(420, 150), new Point(380, 150));

        assertEquals(new LineCrossings("door", 1, 0), counter.totals());
    }

    @Test
    void aTrackSeenOnlyOnOneSideCountsNothing() {
        LineCounter counter = new LineCounter(DOWN, 0);

        feet(counter, 1, new Point(300, 200), new Point(350, 200), new Point(399, 200));

        assertEquals(new LineCrossings("down", 0, 0), counter.totals());
    }

    @Test
    void countsALineCrossedBeforeTheTrackWasConfirmed() {
        LineCounter counter = new LineCounter(DOWN, 3);
        Point foot = new Point(380, 200);

        counter.update(
                List.of(new TrackedObject(1, new Box(365, 120, 30, 80), new Point(410, 200))));

        assertEquals(new LineCrossings("down", 1, 0), counter.totals());
        feet(counter, 1, foot, new Point(370, 200));
        assertEquals(new LineCrossings("down", 1, 0), counter.totals());
    }

    @Test
    void forgetsEndedTracks() {
        LineCounter counter = new LineCounter(DOWN, 0);
        feet(counter, 1, new Point(410, 200));

        counter.retainTracks(Set.of());
        feet(counter, 1, new Point(390, 200));

        assertEquals(new LineCrossings("down", 0, 0), counter.totals());
    }

    /** Feeds one track's foot points, one frame each. */
    private static void feet(LineCounter counter, long id, Point... feet) {
        for (Point foot : feet) {
            counter.update(List.of(track(id, foot)));
        }
    }

    static TrackedObject track(long id, Point foot) {
        return new TrackedObject(id, new Box(foot.x() - 15, foot.y() - 80, 30, 80), foot);
    }
}
