package de.kihub.services.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamTailTest {

    @Test
    void keepsOnlyTheLastBytesOfALongStream() throws InterruptedException {
        byte[] text = "0123456789".repeat(1000).concat("end").getBytes(StandardCharsets.UTF_8);

        StreamTail tail =
                StreamTail.drainInBackground(new ByteArrayInputStream(text), 8, "test-tail");

        assertEquals("56789end", tail.await(Duration.ofSeconds(5)));
    }

    @Test
    void keepsAllOfAShortStream() throws InterruptedException {
        StreamTail tail =
                StreamTail.drainInBackground(
                        new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)), 8, "t");

        assertEquals("hi", tail.await(Duration.ofSeconds(5)));
    }
}
