package de.kihub.registry.artifact;

/**
 * How far the inspector lets a zip go before calling it a bomb. Sizes count bytes actually
 * inflated, never what the headers claim.
 */
public record ArchiveLimits(
        int maxEntries,
        long maxTotalUncompressedBytes,
        long maxEntryUncompressedBytes,
        int maxCompressionRatio) {
    private static final long GIB = 1024L * 1024 * 1024;

    public ArchiveLimits {
        if (maxEntries < 1
                || maxTotalUncompressedBytes < 1
                || maxEntryUncompressedBytes < 1
                || maxCompressionRatio < 1) {
            throw new IllegalArgumentException(
                    "Archive limits must be positive, got entries="
                            + maxEntries
                            + ", total="
                            + maxTotalUncompressedBytes
                            + ", entry="
                            + maxEntryUncompressedBytes
                            + ", ratio="
                            + maxCompressionRatio);
        }
    }

    /** 10,000 entries, 4 GiB in total, 2 GiB per entry, at most 200 times the compressed size. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(10_000, 4 * GIB, 2 * GIB, 200);
    }
}
