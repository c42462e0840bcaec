package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackerTest {
    private final Tracker tracker = new Tracker(new TrackerSettings(2, 3, 0.3));

    @Test
    void reportsATrackOnlyFromItsMinHitsFrameOn() {
        assertEquals(List.of(), tracker.update(List.of(person(100, 100))));
        assertEquals(List.of(), tracker.update(List.of(person(103, 100))));

        List<TrackedObject> third = tracker.update(List.of(person(106, 100)));

        assertEquals(1, third.size());
        assertEquals(1, third.get(0).id());
        assertEquals(new Point(115, 180), third.get(0).start(), "foot point of the first frame");
    }

    @Test
    void keepsTheIdOfAWalkingPersonAndFollowsItsBox() {
        long id = 0;
        for (int frame = 0; frame < 30; frame++) {
            List<TrackedObject> tracks = tracker.update(List.of(person(100 + 5 * frame, 200)));
            if (frame >= 2) {
                assertEquals(1, tracks.size());
                id = id == 0 ? tracks.get(0).id() : id;
                assertEquals(id, tracks.get(0).id());
            }
        }
        // constant velocity is followed without lag once the filter has settled
        Box last = tracker.update(List.of(person(250, 200))).get(0).box();
        assertEquals(250, last.x(), 0.5);
    }

    @Test
    void aConfirmedTrackSurvivesMaxAgeMissedFramesAndThenEnds() {
        walk(0, 5);
        tracker.update(List.of());
        tracker.update(List.of());
        assertEquals(Set.of(1L), tracker.liveTrackIds());

        List<TrackedObject> back = tracker.update(List.of(person(100 + 5 * 7, 100)));

        assertEquals(1, back.size());
        assertEquals(1, back.get(0).id());
        tracker.update(List.of());
        tracker.update(List.of());
        tracker.update(List.of());
        assertEquals(Set.of(), tracker.liveTrackIds());
    }

    @Test
    void aOneFrameFalseDetectionNeverBecomesATrack() {
        walk(0, 3);
        tracker.update(List.of(person(100 + 15, 100), person(400, 400)));
        tracker.update(List.of(person(100 + 20, 100)));
        walk(5, 10);

        assertEquals(Set.of(1L), tracker.liveTrackIds());
    }

    @Test
    void keepsTwoPeopleApartWhenTheyPassEachOther() {
        // one walks right, one walks left, 10 px lower, overlapping while they pass
        long rightward = 0;
        long leftward = 0;
        for (int frame = 0; frame < 40; frame++) {
            List<TrackedObject> tracks =
                    tracker.update(
                            List.of(person(100 + 6 * frame, 100), person(340 - 6 * frame, 110)));
            if (frame < 2) {
                continue;
            }
            assertEquals(2, tracks.size());
            for (TrackedObject t : tracks) {
                boolean isRightward = Math.abs(t.box().y() - 100) < 5;
                if (frame == 2) {
                    rightward = isRightward ? t.id() : rightward;
                    leftward = isRightward ? leftward : t.id();
                } else {
                    assertEquals(isRightward ? rightward : leftward, t.id(), "frame " + frame);
                }
            }
        }
        assertTrue(rightward != leftward);
    }

    @Test
    void refusesSettingsOutsideTheirRange() {
        assertThrows(InvalidRequestException.class, () -> new TrackerSettings(-1, 3, 0.3));
        assertThrows(InvalidRequestException.class, () -> new TrackerSettings(1, 0, 0.3));
        assertThrows(InvalidRequestException.class, () -> new TrackerSettings(1, 3, 0));
        assertThrows(InvalidRequestException.class, () -> new TrackerSettings(1, 3, 1));
    }

    private void walk(int fromFrame, int toFrame) {
        for (int frame = fromFrame; frame < toFrame; frame++) {
            tracker.update(List.of(person(100 + 5 * frame, 100)));
        }
    }

    static Detection person(double x, double y) {
        return new Detection(new Box(x, y, 30, 80), 0.9f);
    }
}
