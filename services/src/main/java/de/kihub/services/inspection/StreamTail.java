package de.kihub.services.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a child process's output to its end on a virtual thread and keeps only the last bytes, so a
 * chatty child cannot fill the server's memory nor block on a full pipe.
 */
final class StreamTail {
    private final byte[] ring;
    private final Thread reader;
    private long total;

    private StreamTail(InputStream in, int limit, String threadName) {
        ring = new byte[limit];
        reader = Thread.ofVirtual().name(threadName).start(() -> drain(in));
    }

    static StreamTail drainInBackground(InputStream in, int limit, String threadName) {
        return new StreamTail(in, limit, threadName);
    }

    private void drain(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
                append(chunk, n);
            }
        } catch (IOException e) {
            // A killed child closes its pipe abruptly; what was read so far is all there is.
        }
    }

    private synchronized void append(byte[] chunk, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) ((total + i) % ring.length)] = chunk[i];
        }
        total += length;
    }

    /** Waits at most {@code wait} for the end of the stream and returns the kept text. */
    String await(Duration wait) throws InterruptedException {
        reader.join(wait);
        return text();
    }

    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        int start = (int) ((total - kept) % ring.length);
        byte[] out = new byte[kept];
        for (int i = 0; i < kept; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
