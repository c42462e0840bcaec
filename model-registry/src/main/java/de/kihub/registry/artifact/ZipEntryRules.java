package de.kihub.registry.artifact;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every entry of an accepted zip must satisfy before any byte of it is inflated: a relative
 * name that stays inside the target folder, a plain file or folder, a readable compression method
 * and declared sizes within the limits. Declared sizes can lie; {@link InflationBudget} counts the
 * real ones.
 */
final class ZipEntryRules {
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:");
    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMBOLIC_LINK = 0120000;

    private ZipEntryRules() {}

    static void check(List<ZipEntryRecord> entries, ArchiveLimits limits)
            throws MalformedException {
        if (entries.size() > limits.maxEntries()) {
            throw new MalformedException(
                    "has "
                            + entries.size()
                            + " entries, more than the "
                            + limits.maxEntries()
                            + " allowed");
        }
        Set<String> names = new HashSet<>();
        long declaredTotal = 0;
        for (ZipEntryRecord entry : entries) {
            checkName(entry);
            checkType(entry);
            checkReadable(entry);
            if (!names.add(entry.name())) {
                throw new MalformedException(
                        "has two entries named " + entry.quoted() + "; the archive is ambiguous");
            }
            checkDeclaredSize(entry, limits);
            declaredTotal += entry.uncompressedSize();
            if (declaredTotal < 0 || declaredTotal > limits.maxTotalUncompressedBytes()) {
                throw new MalformedException(
                        "declares more than "
                                + limits.maxTotalUncompressedBytes()
                                + " uncompressed bytes in total, the limit for one archive");
            }
        }
    }

    /** The most bytes an entry may inflate to given its compressed size. */
    static long ratioLimit(long compressedSize, ArchiveLimits limits) {
        long ratio = limits.maxCompressionRatio();
        long limit =
                compressedSize > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : compressedSize * ratio;
        // Small entries compress well without being bombs (a few kilobytes of zeros, say).
        return Math.max(limit, InflationBudget.RATIO_GRACE_BYTES);
    }

    private static void checkName(ZipEntryRecord entry) throws MalformedException {
        String name = entry.name();
        String problem = null;
        if (name.isEmpty()) {
            problem = "an empty name";
        } else if (name.indexOf('\0') >= 0) {
            problem = "a NUL character in its name";
        } else if (name.indexOf('\\') >= 0) {
            problem = "a backslash in its name; zip entries separate folders with '/'";
        } else if (name.startsWith("/")) {
            problem = "an absolute path; entries must be relative to the archive";
        } else if (DRIVE_LETTER.matcher(name).find()) {
            problem = "a drive letter; entries must be relative to the archive";
        } else if (List.of(name.split("/", -1)).contains("..")) {
            problem = "a '..' path segment that would escape the target folder";
        }
        if (problem != null) {
            throw new MalformedException("has an entry " + entry.quoted() + " with " + problem);
        }
    }

    private static void checkType(ZipEntryRecord entry) throws MalformedException {
        int type = entry.unixFileType();
        if (type == SYMBOLIC_LINK) {
            throw new MalformedException(
                    "has an entry "
                            + entry.quoted()
                            + " that is a symbolic link, which could point outside the target"
                            + " folder");
        }
        if (type != 0 && type != REGULAR_FILE && type != DIRECTORY) {
            throw new MalformedException(
                    "has an entry " + entry.quoted() + " that is neither a file nor a folder");
        }
    }

    private static void checkReadable(ZipEntryRecord entry) throws MalformedException {
        if (entry.isEncrypted()) {
            throw new MalformedException(
                    "has an encrypted entry " + entry.quoted() + ", which cannot be checked");
        }
        if (entry.method() != ZipEntryRecord.STORED && entry.method() != ZipEntryRecord.DEFLATED) {
            throw new MalformedException(
                    "has an entry "
                            + entry.quoted()
                            + " compressed with method "
                            + entry.method()
                            + "; only stored and deflated entries are supported");
        }
    }

    private static void checkDeclaredSize(ZipEntryRecord entry, ArchiveLimits limits)
            throws MalformedException {
        if (entry.uncompressedSize() > limits.maxEntryUncompressedBytes()) {
            throw new MalformedException(
                    "has an entry "
                            + entry.quoted()
                            + " of "
                            + entry.uncompressedSize()
                            + " bytes uncompressed, more than the "
                            + limits.maxEntryUncompressedBytes()
                            + " allowed per entry");
        }
        if (entry.uncompressedSize() > ratioLimit(entry.compressedSize(), limits)) {
            throw new MalformedException(
                    "has an entry "
                            + entry.quoted()
                            + " that inflates more than "
                            + limits.maxCompressionRatio()
                            + " times; it looks like a zip bomb");
        }
    }
}
