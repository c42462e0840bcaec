package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaximumSuppressionTest {

    @Test
    void keepsTheBestOfOverlappingBoxesAndEveryBoxApart() {
        Detection weak = new Detection(new Box(2, 0, 10, 20), 0.6f);
        Detection best = new Detection(new Box(0, 0, 10, 20), 0.9f);
        Detection apart = new Detection(new Box(50, 0, 10, 20), 0.5f);

        assertEquals(
                List.of(best, apart), NonMaximumSuppression.apply(List.of(weak, best, apart), 0.5));
    }

    @Test
    void keepsBoxesThatOverlapNoMoreThanTheThreshold() {
        // IoU of these two is exactly 1/3
        Detection a = new Detection(new Box(0, 0, 10, 10), 0.9f);
        Detection b = new Detection(new Box(5, 0, 10, 10), 0.8f);

        assertEquals(List.of(a, b), NonMaximumSuppression.apply(List.of(a, b), 0.4));
        assertEquals(List.of(a), NonMaximumSuppression.apply(List.of(a, b), 0.3));
    }

    @Test
    void aSuppressedBoxSuppressesNothing() {
        Detection first = new Detection(new Box(0, 0, 10, 10), 0.9f);
        Detection second = new Detection(new Box(4, 0, 10, 10), 0.8f);
        Detection third = new Detection(new Box(8, 0, 10, 10), 0.7f);

        // second overlaps both others by IoU 0.43, first and third by 0.11 only
        assertEquals(
                List.of(first, third),
                NonMaximumSuppression.apply(List.of(third, second, first), 0.4));
    }
}
