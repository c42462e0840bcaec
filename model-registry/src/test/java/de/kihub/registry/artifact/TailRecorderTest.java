package de.kihub.registry.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TailRecorderTest {
    private static final int CAPACITY = 100;

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 99, 100, 101, 250})
    void keepsExactlyTheLastBytesWhateverTheChunkSize(int chunk)
            throws IOException, MalformedException {
        byte[] data = new byte[1234];
        new Random(chunk).nextBytes(data);
        TailRecorder tail = new TailRecorder(CAPACITY);
        for (int at = 0; at < data.length; at += chunk) {
            tail.write(data, at, Math.min(chunk, data.length - at));
        }

        ZipBytes bytes = tail.bytes();

        assertEquals(data.length, bytes.size());
        ByteBuffer kept = bytes.read(data.length - CAPACITY, CAPACITY);
        byte[] actual = new byte[CAPACITY];
        kept.get(actual);
        assertArrayEquals(Arrays.copyOfRange(data, data.length - CAPACITY, data.length), actual);
    }
}
