package de.kihub.services.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassificationTranslatorTest {

    @Test
    void softmaxGivesProbabilitiesThatSumToOneAndKeepTheOrder() {
        float[] p = ClassificationTranslator.softmax(new float[] {1, 2, 3});

        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(
                new float[] {
                    (float) (Math.exp(1) / e), (float) (Math.exp(2) / e), (float) (Math.exp(3) / e)
                },
                p,
                1e-7f);
    }

    @Test
    void softmaxOfHugeLogitsDoesNotOverflow() {
        float[] p = ClassificationTranslator.softmax(new float[] {1000, 1000, -1000});

        assertEquals(0.5f, p[0], 1e-7f);
        assertEquals(0.5f, p[1], 1e-7f);
        assertEquals(0f, p[2], 1e-7f);
    }
}
