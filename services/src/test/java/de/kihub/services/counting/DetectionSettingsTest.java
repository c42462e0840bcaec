package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectionSettingsTest {

    @Test
    void defaultsMatchTheReferenceMeasurements() {
        DetectionSettings d = DetectionSettings.defaults();

        assertEquals(0.45f, d.scoreThreshold());
        assertEquals(0.5f, d.nmsIou());
        assertEquals(0, d.minBoxSize());
        assertNull(d.roi());
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, 1f, -0.1f, 1.5f, Float.NaN})
    void refusesThresholdsOutsideTheOpenUnitInterval(float threshold) {
        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class,
                        () -> new DetectionSettings(threshold, 0.5f, 0, null));
        assertTrue(e.getMessage().contains("score threshold"), e.getMessage());
        assertThrows(
                InvalidRequestException.class,
                () -> new DetectionSettings(0.5f, threshold, 0, null));
    }

    @Test
    void refusesANegativeMinimumSize() {
        assertThrows(
                InvalidRequestException.class, () -> new DetectionSettings(0.5f, 0.5f, -1, null));
    }

    @Test
    void refusesRegionsThatAreNoPolygon() {
        InvalidRequestException tooFew =
                assertThrows(
                        InvalidRequestException.class,
                        () ->
                                new DetectionSettings(
                                        0.5f, 0.5f, 0, List.of(new Point(0, 0), new Point(1, 1))));
        assertTrue(tooFew.getMessage().contains("at least 3 points"), tooFew.getMessage());

        InvalidRequestException flat =
                assertThrows(
                        InvalidRequestException.class,
                        () ->
                                new DetectionSettings(
                                        0.5f,
                                        0.5f,
                                        0,
                                        List.of(
                                                new Point(0, 0),
                                                new Point(1, 1),
                                                new Point(2, 2))));
        assertTrue(flat.getMessage().contains("one line"), flat.getMessage());
    }

    @Test
    void copiesTheRegion() {
        List<Point> region =
                new ArrayList<>(List.of(new Point(0, 0), new Point(10, 0), new Point(0, 10)));
        DetectionSettings settings = new DetectionSettings(0.5f, 0.5f, 0, region);

        region.clear();

        assertEquals(3, settings.roi().size());
    }
}
