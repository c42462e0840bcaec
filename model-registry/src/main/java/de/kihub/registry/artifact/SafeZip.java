package de.kihub.registry.artifact;

import de.kihub.registry.error.NotFoundException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip opened for reading entry by entry after the checks every model archive passes: no entry
 * leaving the folder, no absolute names or links, no encrypted, duplicate or ambiguous entries,
 * bounded entry count and sizes. Reading charges each inflated byte to an {@link InflationBudget}
 * (zip bombs stop at the limit) and checks each entry's CRC and size at its end. Nothing is ever
 * extracted to disk. Failures are {@link InvalidArtifactException}s naming the entry.
 */
public final class SafeZip implements Closeable {
    private final ZipFile zip;
    private final Map<String, ZipEntryRecord> files;
    private final InflationBudget budget;

    private SafeZip(ZipFile zip, Map<String, ZipEntryRecord> files, ArchiveLimits limits) {
        this.zip = zip;
        this.files = files;
        this.budget = new InflationBudget(limits);
    }

    /**
     * Opens and checks the zip's directory; nothing is inflated yet.
     *
     * @throws InvalidArtifactException naming the first unsafe or malformed entry
     */
    public static SafeZip open(Path file, ArchiveLimits limits) throws IOException {
        List<ZipEntryRecord> entries;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ZipBytes bytes = ZipBytes.of(channel);
            ZipDirectory directory = ZipDirectory.read(bytes, limits.maxEntries());
            ZipEntryRules.check(directory.entries(), limits);
            directory.verifyLocalHeaders(bytes);
            entries = directory.entries();
        } catch (MalformedException e) {
            throw invalid(e.getMessage());
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw invalid("is not a readable zip archive (" + e.getMessage() + ")");
        }
        try {
            // java.util.zip reads the same directory its own way: both must agree on every entry
            if (zip.size() != entries.size()) {
                throw invalid("is ambiguous: zip readers disagree on its entries");
            }
            Map<String, ZipEntryRecord> files = new LinkedHashMap<>();
            for (ZipEntryRecord record : entries) {
                ZipEntry entry = zip.getEntry(record.name());
                if (entry == null || entry.getCompressedSize() != record.compressedSize()) {
                    throw invalid("is ambiguous: zip readers disagree on entry " + record.quoted());
                }
                if (!record.isDirectory()) {
                    files.put(record.name(), record);
                }
            }
            return new SafeZip(zip, Collections.unmodifiableMap(files), limits);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The names of the file entries (folders left out), in the archive's order. */
    public List<String> files() {
        return List.copyOf(files.keySet());
    }

    public boolean isFile(String name) {
        return files.containsKey(name);
    }

    /** The entry's bytes as they inflate, for the caller to close; NotFound if not a file. */
    public InputStream open(String name) throws IOException {
        ZipEntryRecord record = files.get(name);
        if (record == null) {
            throw new NotFoundException("The archive has no file '" + name + "'.");
        }
        ZipEntry entry = zip.getEntry(name);
        InputStream raw;
        try {
            raw = zip.getInputStream(entry);
        } catch (ZipException e) {
            throw invalid("has a corrupt entry " + record.quoted() + " (" + e.getMessage() + ")");
        }
        return new Checked(record, entry.getCrc(), budget.track(record, raw));
    }

    /** The whole entry in memory; its size is bounded by the per-entry limit. */
    public byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static InvalidArtifactException invalid(String clause) {
        return new InvalidArtifactException("The archive " + clause + ".");
    }

    /** Turns read errors into messages naming the entry; verifies CRC and size at the end. */
    private static final class Checked extends FilterInputStream {
        private final ZipEntryRecord record;
        private final long expectedCrc;
        private final CRC32 crc = new CRC32();
        private long size;
        private boolean verified;

        Checked(ZipEntryRecord record, long expectedCrc, InputStream in) {
            super(in);
            this.record = record;
            this.expectedCrc = expectedCrc;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw corrupt(e.getMessage());
            }
            if (n > 0) {
                crc.update(buffer, offset, n);
                size += n;
            } else if (n < 0 && !verified) {
                verified = true;
                if (size != record.uncompressedSize()) {
                    throw corrupt(
                            "it inflates to "
                                    + size
                                    + " bytes, its directory record says "
                                    + record.uncompressedSize());
                }
                if (crc.getValue() != expectedCrc) {
                    throw corrupt("CRC mismatch");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(n, 64 * 1024)];
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
        public boolean markSupported() {
            return false;
        }

        private InvalidArtifactException corrupt(String why) {
            return invalid("has a corrupt entry " + record.quoted() + " (" + why + ")");
        }
    }
}
