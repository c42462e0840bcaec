package de.kihub.registry.artifact;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads every entry of a zip in memory-sized chunks, nothing extracted to disk, charging each
 * inflated byte to an {@link InflationBudget} and handing the stream to a check.
 */
final class ZipContent {
    private static final int BUFFER_BYTES = 64 * 1024;

    /** Looks at one entry's bytes; whatever it leaves unread is still read and counted. */
    @FunctionalInterface
    interface EntryCheck {
        void check(ZipEntryRecord entry, BufferedInputStream content)
                throws IOException, MalformedException;
    }

    private ZipContent() {}

    /** Reads the entries of {@code directory}, already checked by {@link ZipEntryRules}. */
    static void scan(Path file, ZipDirectory directory, ArchiveLimits limits, EntryCheck check)
            throws IOException, MalformedException {
        InflationBudget budget = new InflationBudget(limits);
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() != directory.entries().size()) {
                throw new MalformedException("is ambiguous: zip readers disagree on its entries");
            }
            for (ZipEntryRecord record : directory.entries()) {
                ZipEntry entry = zip.getEntry(record.name());
                if (entry == null || entry.getCompressedSize() != record.compressedSize()) {
                    throw new MalformedException(
                            "is ambiguous: zip readers disagree on entry " + record.quoted());
                }
                if (!record.isDirectory()) {
                    read(zip, entry, record, budget, check);
                }
            }
        } catch (ZipException e) {
            throw new MalformedException("is not a readable zip archive (" + e.getMessage() + ")");
        }
    }

    private static void read(
            ZipFile zip,
            ZipEntry entry,
            ZipEntryRecord record,
            InflationBudget budget,
            EntryCheck check)
            throws IOException, MalformedException {
        try (BufferedInputStream content =
                new BufferedInputStream(
                        budget.track(record, zip.getInputStream(entry)), BUFFER_BYTES)) {
            check.check(record, content);
            content.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException | EOFException e) {
            throw new MalformedException(
                    "has a corrupt entry " + record.quoted() + " (" + e.getMessage() + ")");
        }
    }

    /** An {@link EntryCheck} for archives whose entries need no closer look than counting. */
    static void noCloserLook(ZipEntryRecord entry, InputStream content) {}
}
