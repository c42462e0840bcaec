package de.kihub.services.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardMetricTest {

    @Test
    void ordersBestFirstByTheMetricsDirection() {
        assertEquals(List.of(0.4, 0.5, 0.9), sorted(LeaderboardMetric.MAE, 0.9, 0.4, 0.5));
        assertEquals(List.of(0.9, 0.5, 0.4), sorted(LeaderboardMetric.AP50, 0.5, 0.4, 0.9));
        assertEquals(List.of(0.1, -0.2, 0.5), sorted(LeaderboardMetric.MEAN_BIAS, 0.5, -0.2, 0.1));
    }

    @Test
    void knowsItsNamesAndDefaults() {
        assertEquals(LeaderboardMetric.CROSSING_MAE, LeaderboardMetric.of("crossingMae"));
        assertEquals(LeaderboardMetric.MAE, LeaderboardMetric.defaultFor("people-counting"));
        assertEquals(
                LeaderboardMetric.ACCURACY, LeaderboardMetric.defaultFor("image-classification"));
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> LeaderboardMetric.of("speed"));
        assertTrue(e.getMessage().contains("mae"), e.getMessage());
    }

    private static List<Double> sorted(LeaderboardMetric m, Double... values) {
        List<Double> list = new ArrayList<>(List.of(values));
        list.sort(m.bestFirst());
        return list;
    }
}
