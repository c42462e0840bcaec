package de.kihub.registry.artifact;

import java.io.OutputStream;

/**
 * Keeps only the last bytes written to it, where a zip keeps its central directory, so a nested zip
 * can be checked while it streams past without being stored.
 */
final class TailRecorder extends OutputStream {
    private final byte[] ring;
    private long written;

    TailRecorder(int capacity) {
        this.ring = new byte[capacity];
    }

    @Override
    public void write(int b) {
        ring[(int) (written % ring.length)] = (byte) b;
        written++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int skip = Math.max(0, length - ring.length);
        written += skip;
        for (int i = offset + skip; i < offset + length; ) {
            int at = (int) (written % ring.length);
            int n = Math.min(offset + length - i, ring.length - at);
            System.arraycopy(bytes, i, ring, at, n);
            i += n;
            written += n;
        }
    }

    /** The kept tail of everything written, for reading the central directory from. */
    ZipBytes bytes() {
        int kept = (int) Math.min(written, ring.length);
        byte[] tail = new byte[kept];
        int start = (int) ((written - kept) % ring.length);
        int first = Math.min(kept, ring.length - start);
        System.arraycopy(ring, start, tail, 0, first);
        System.arraycopy(ring, 0, tail, first, kept - first);
        return ZipBytes.ofTail(tail, written);
    }
}
