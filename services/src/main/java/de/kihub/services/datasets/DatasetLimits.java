package de.kihub.services.datasets;

import de.kihub.registry.artifact.ArchiveLimits;

/**
 * How far a dataset archive may go. Images barely compress, so an archive inflates to little more
 * than its size; text (labels, ground truth) may inflate up to 200 times.
 */
final class DatasetLimits {
    static final int MAX_ENTRIES = 100_000;
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    static final int MAX_RATIO = 200;

    /** The first images are decoded completely; the rest have their header checked. */
    static final int FULLY_DECODED_IMAGES = 20;

    private DatasetLimits() {}

    /** For an upload of at most {@code maxBytes}: it may inflate to twice that in total. */
    static ArchiveLimits upload(long maxBytes) {
        long total = maxBytes > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : Math.max(2 * maxBytes, 1);
        return new ArchiveLimits(MAX_ENTRIES, total, MAX_ENTRY_BYTES, MAX_RATIO);
    }

    /**
     * For stored content, checked on upload: an evaluation reads images again and again, so only
     * the per-entry limits hold.
     */
    static ArchiveLimits stored() {
        return new ArchiveLimits(MAX_ENTRIES, Long.MAX_VALUE, MAX_ENTRY_BYTES, MAX_RATIO);
    }
}
