package de.kihub.registry.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes actually inflated from a zip, per entry and in total, and stops reading as soon
 * as a limit is passed, so a zip bomb costs at most about one limit's worth of inflating. Entries
 * may be read by several threads at once (a stored dataset's images).
 */
final class InflationBudget {
    static final long RATIO_GRACE_BYTES = 1024 * 1024;
    private static final int SKIP_BUFFER_BYTES = 64 * 1024;

    private final ArchiveLimits limits;
    private final AtomicLong total = new AtomicLong();

    InflationBudget(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** {@code in} with every byte read from it charged to {@code entry} and to the archive. */
    InputStream track(ZipEntryRecord entry, InputStream in) {
        return new Tracked(entry, in);
    }

    private final class Tracked extends InputStream {
        private final ZipEntryRecord entry;
        private final InputStream in;
        private final long ratioLimit;
        private long inflated;
        private byte[] scratch;

        Tracked(ZipEntryRecord entry, InputStream in) {
            this.entry = entry;
            this.in = in;
            this.ratioLimit = ZipEntryRules.ratioLimit(entry.compressedSize(), limits);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                charge(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                charge(n);
            }
            return n;
        }

        // Skipping inflates too, so skipped bytes are read (and charged) like any others.
        @Override
        public long skip(long n) throws IOException {
            if (scratch == null) {
                scratch = new byte[SKIP_BUFFER_BYTES];
            }
            long skipped = 0;
            while (skipped < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void charge(int n) {
            inflated += n;
            long archive = total.addAndGet(n);
            if (inflated > limits.maxEntryUncompressedBytes()) {
                throw new InvalidArtifactException(
                        "The archive has an entry "
                                + entry.quoted()
                                + " that inflates to more than "
                                + limits.maxEntryUncompressedBytes()
                                + " bytes, the limit per entry.");
            }
            if (inflated > ratioLimit) {
                throw new InvalidArtifactException(
                        "The archive has an entry "
                                + entry.quoted()
                                + " that inflates more than "
                                + limits.maxCompressionRatio()
                                + " times its compressed size; it looks like a zip bomb.");
            }
            if (archive > limits.maxTotalUncompressedBytes()) {
                throw new InvalidArtifactException(
                        "The archive inflates to more than "
                                + limits.maxTotalUncompressedBytes()
                                + " bytes, the limit for one archive.");
            }
        }
    }
}
