package de.kihub.services.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CountingMetricsTest {

    @Test
    void computesMaeRmseBiasAndMapeOverItemsWithPeople() {
        CountingMetrics m = new CountingMetrics();
        int[] predicted = {2, 3, 0, 5};
        int[] truth = {2, 5, 0, 4};
        for (int i = 0; i < truth.length; i++) {
            m.add(predicted[i], truth[i]);
        }

        CountingMetrics.Result r = m.result();

        assertEquals(4, r.items());
        assertEquals(2.75, r.meanTrue(), 1e-12);
        assertEquals(2.5, r.meanPredicted(), 1e-12);
        assertEquals(0.75, r.mae(), 1e-12);
        assertEquals(Math.sqrt(1.25), r.rmse(), 1e-12);
        assertEquals(-0.25, r.meanBias(), 1e-12);
        // the empty image has no percentage error: (0 + 40 + 25) / 3
        assertEquals(65.0 / 3, r.mape(), 1e-12);
        assertEquals(3, r.mapeItems());
    }

    @Test
    void hasNoMapeWhenNoItemHasPeople() {
        CountingMetrics m = new CountingMetrics();
        m.add(1, 0);
        m.add(0, 0);

        CountingMetrics.Result r = m.result();

        assertNull(r.mape());
        assertEquals(0, r.mapeItems());
        assertEquals(0.5, r.mae(), 1e-12);
        assertEquals(0.5, r.meanBias(), 1e-12);
    }

    @Test
    void isAllZeroWithoutItems() {
        CountingMetrics.Result r = new CountingMetrics().result();
        assertEquals(0, r.items());
        assertEquals(0, r.mae());
        assertNull(r.mape());
    }

    @Test
    void refusesNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new CountingMetrics().add(-1, 2));
    }
}
