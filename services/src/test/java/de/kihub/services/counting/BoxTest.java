package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void footPointIsTheBottomCentre() {
        assertEquals(new Point(25, 60), new Box(10, 20, 30, 40).footPoint());
    }

    @Test
    void iouIsIntersectionOverUnion() {
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(5, 0, 10, 10);

        assertEquals(50.0 / 150, a.iou(b), 1e-12);
        assertEquals(1, a.iou(a), 1e-12);
        assertEquals(0, a.iou(new Box(10, 0, 10, 10)));
        assertEquals(0, a.iou(new Box(3, 3, 0, 0)));
    }

    @Test
    void clippingKeepsTheBoxInsideTheImage() {
        assertEquals(
                Box.ofCorners(0, 5, 100, 50), Box.ofCorners(-20, 5, 130, 50).clippedTo(100, 80));
        assertEquals(0, new Box(200, 200, 10, 10).clippedTo(100, 80).area());
    }

    @Test
    void refusesNegativeOrNonFiniteSizes() {
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Box(Double.NaN, 0, 1, 5));
        assertThrows(
                IllegalArgumentException.class, () -> new Box(0, 0, Double.POSITIVE_INFINITY, 5));
    }
}
