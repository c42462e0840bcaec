package de.kihub.services.evaluation;

import static de.kihub.services.evaluation.PeopleCountingEvaluationTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CountingEvaluationConfigurationTest {

    @Test
    void fillsInTheDefaultsAndKeepsLinesOnlyWhenGiven() {
        CountingEvaluationConfiguration c = config("{}");

        assertEquals("{\"scoreThreshold\":0.45,\"minBoxSize\":0.0}", c.normalized());
        assertNull(c.lines(), "no lines: the dataset's are used");
    }

    @Test
    void normalisesWhatIsGiven() {
        CountingEvaluationConfiguration c =
                config(
                        "{\"scoreThreshold\":0.5,\"lines\":[{\"name\":\"x\",\"from\":[400,0],"
                                + "\"to\":[400,576]}],\"regionOfInterest\":[[0,0],[10,0],[10,10]]}");

        assertEquals(
                "{\"scoreThreshold\":0.5,\"minBoxSize\":0.0,"
                        + "\"regionOfInterest\":[[0.0,0.0],[10.0,0.0],[10.0,10.0]],"
                        + "\"lines\":[{\"name\":\"x\",\"from\":[400.0,0.0],\"to\":[400.0,576.0]}]}",
                c.normalized());
        assertEquals(0.5f, c.detection().scoreThreshold());
        assertEquals(1, c.lines().size());
    }

    @Test
    void refusesWhatAnEvaluationCannotUseAndBadValues() {
        for (String bad :
                new String[] {
                    "{\"zones\":[]}",
                    "{\"aggregationSeconds\":60}",
                    "{\"threshold\":0.5}",
                    "{\"scoreThreshold\":1.5}",
                    "{\"scoreThreshold\":\"high\"}",
                    "{\"lines\":[{\"name\":\"a\",\"from\":[0,0],\"to\":[0,0]}]}"
                }) {
            InvalidRequestException e =
                    assertThrows(InvalidRequestException.class, () -> config(bad), bad);
            assertTrue(e.getMessage().length() > 10, bad + ": " + e.getMessage());
        }
    }
}
