package de.kihub.portal.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.stream.JsonParsingException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    @Test
    void aBodyThatIsNotTheExpectedJsonObjectIsTheClientsFault() {
        JsonParsingException array =
                new JsonParsingException(
                        "JsonParser#getObject() is valid only for START_OBJECT parser state", null);
        assertEquals(400, ProblemMapper.problemFor(array, "/x").status());
        assertEquals(
                400,
                ProblemMapper.problemFor(new IllegalStateException("read", array), "/x").status());
        assertEquals(
                500, ProblemMapper.problemFor(new IllegalStateException("bug"), "/x").status());
    }
}
