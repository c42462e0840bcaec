package de.kihub.registry.artifact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A zip's central directory, parsed by hand because {@code java.util.zip} hides the Unix mode that
 * marks symbolic links. Supports ZIP64; refuses multi-volume archives.
 */
record ZipDirectory(List<ZipEntryRecord> entries, long offset) {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int CENTRAL_LENGTH = 46;
    private static final int LOCAL_LENGTH = 30;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long U32_MAX = 0xFFFF_FFFFL;
    private static final int U16_MAX = 0xFFFF;
    // java.util.zip.ZipFile loads the whole directory into memory; keep that bounded.
    private static final long MAX_DIRECTORY_BYTES = 64L * 1024 * 1024;

    static ZipDirectory read(ZipBytes zip, int maxEntries) throws IOException, MalformedException {
        long size = zip.size();
        if (size < END_LENGTH) {
            throw new MalformedException("is too short to be a zip archive");
        }
        int tailLength = (int) Math.min(size, END_LENGTH + MAX_COMMENT);
        long tailStart = size - tailLength;
        ByteBuffer tail = zip.read(tailStart, tailLength);
        int end = findEndRecord(tail);
        long directoryEnd = tailStart + end;
        int disk = u16(tail, end + 4);
        int directoryDisk = u16(tail, end + 6);
        long entriesOnDisk = u16(tail, end + 8);
        long count = u16(tail, end + 10);
        long directorySize = u32(tail, end + 12);
        long directoryOffset = u32(tail, end + 16);
        if (count == U16_MAX || directorySize == U32_MAX || directoryOffset == U32_MAX) {
            if (directoryEnd < ZIP64_LOCATOR_LENGTH) {
                throw new MalformedException("lacks its ZIP64 end record");
            }
            ByteBuffer locator =
                    zip.read(directoryEnd - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
            if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
                throw new MalformedException("lacks its ZIP64 end record");
            }
            directoryEnd = locator.getLong(8);
            ByteBuffer end64 = zip.read(directoryEnd, ZIP64_END_LENGTH);
            if (end64.getInt(0) != ZIP64_END_SIGNATURE) {
                throw new MalformedException("has a broken ZIP64 end record");
            }
            disk = end64.getInt(16);
            directoryDisk = end64.getInt(20);
            entriesOnDisk = end64.getLong(24);
            count = end64.getLong(32);
            directorySize = end64.getLong(40);
            directoryOffset = end64.getLong(48);
        }
        if (disk != 0 || directoryDisk != 0 || entriesOnDisk != count) {
            throw new MalformedException("is split over several volumes, which is not supported");
        }
        if (count < 0 || count > maxEntries) {
            throw new MalformedException(
                    "has "
                            + Long.toUnsignedString(count)
                            + " entries, more than the "
                            + maxEntries
                            + " allowed");
        }
        if (directorySize < 0 || directorySize > MAX_DIRECTORY_BYTES) {
            throw new MalformedException(
                    "has a central directory larger than " + MAX_DIRECTORY_BYTES + " bytes");
        }
        if (directoryOffset < 0 || directoryOffset > directoryEnd - directorySize) {
            throw new MalformedException("has a central directory that lies outside the file");
        }
        List<ZipEntryRecord> entries =
                readEntries(zip, directoryOffset, directoryOffset + directorySize, (int) count);
        return new ZipDirectory(List.copyOf(entries), directoryOffset);
    }

    /**
     * Checks that each entry's local header carries the same name as its directory record: tools
     * that stream a zip read only local headers, so a mismatch would let them see other names.
     */
    void verifyLocalHeaders(ZipBytes zip) throws IOException, MalformedException {
        for (ZipEntryRecord entry : entries) {
            long at = entry.localHeaderOffset();
            if (at > offset - LOCAL_LENGTH) {
                throw new MalformedException(
                        "has an entry " + entry.quoted() + " whose data lies outside the archive");
            }
            ByteBuffer local = zip.read(at, LOCAL_LENGTH);
            if (local.getInt(0) != LOCAL_SIGNATURE) {
                throw new MalformedException(
                        "has an entry " + entry.quoted() + " without a valid local header");
            }
            String name = decodeName(zip.read(at + LOCAL_LENGTH, u16(local, 26)));
            if (!name.equals(entry.name())) {
                throw new MalformedException(
                        "has an entry "
                                + entry.quoted()
                                + " whose local header names it differently; the archive is"
                                + " ambiguous");
            }
        }
    }

    private static int findEndRecord(ByteBuffer tail) throws MalformedException {
        for (int at = tail.limit() - END_LENGTH; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE
                    && at + END_LENGTH + u16(tail, at + 20) == tail.limit()) {
                return at;
            }
        }
        throw new MalformedException(
                "is not a complete zip archive: its end of central directory record is missing");
    }

    private static List<ZipEntryRecord> readEntries(ZipBytes zip, long from, long to, int count)
            throws IOException, MalformedException {
        List<ZipEntryRecord> entries = new ArrayList<>(count);
        long at = from;
        while (at < to) {
            if (entries.size() == count || at > to - CENTRAL_LENGTH) {
                throw new MalformedException(
                        "has a central directory that does not match its end record");
            }
            ByteBuffer header = zip.read(at, CENTRAL_LENGTH);
            if (header.getInt(0) != CENTRAL_SIGNATURE) {
                throw new MalformedException("has a corrupt central directory at byte " + at);
            }
            int nameLength = u16(header, 28);
            int extraLength = u16(header, 30);
            int commentLength = u16(header, 32);
            long next = at + CENTRAL_LENGTH + nameLength + extraLength + commentLength;
            if (next > to) {
                throw new MalformedException("has a corrupt central directory at byte " + at);
            }
            String name = decodeName(zip.read(at + CENTRAL_LENGTH, nameLength));
            ByteBuffer extra = zip.read(at + CENTRAL_LENGTH + nameLength, extraLength);
            entries.add(toRecord(name, header, extra));
            at = next;
        }
        if (entries.size() != count) {
            throw new MalformedException(
                    "has a central directory that does not match its end record");
        }
        return entries;
    }

    private static ZipEntryRecord toRecord(String name, ByteBuffer header, ByteBuffer extra)
            throws MalformedException {
        long compressed = u32(header, 20);
        long uncompressed = u32(header, 24);
        long localOffset = u32(header, 42);
        for (int at = 0; at + 4 <= extra.limit(); ) {
            int id = u16(extra, at);
            int length = u16(extra, at + 2);
            int data = at + 4;
            if (data + length > extra.limit()) {
                break;
            }
            if (id == ZIP64_EXTRA) {
                int field = data;
                // ZIP64 values appear in this order, each only when its 32-bit field is saturated.
                if (uncompressed == U32_MAX) {
                    uncompressed = zip64Value(extra, field, data + length, name);
                    field += 8;
                }
                if (compressed == U32_MAX) {
                    compressed = zip64Value(extra, field, data + length, name);
                    field += 8;
                }
                if (localOffset == U32_MAX) {
                    localOffset = zip64Value(extra, field, data + length, name);
                }
            }
            at = data + length;
        }
        return new ZipEntryRecord(
                name,
                u16(header, 8),
                u16(header, 10),
                compressed,
                uncompressed,
                u32(header, 38),
                localOffset);
    }

    private static long zip64Value(ByteBuffer extra, int at, int end, String name)
            throws MalformedException {
        long value = at + 8 <= end ? extra.getLong(at) : -1;
        if (value < 0) {
            throw new MalformedException("has a corrupt ZIP64 record for entry '" + name + "'");
        }
        return value;
    }

    // Strict UTF-8 for every name, as java.util.zip.ZipFile is opened with UTF-8 too.
    private static String decodeName(ByteBuffer bytes) throws MalformedException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException(
                    "has an entry name that is not valid UTF-8: '"
                            + StandardCharsets.UTF_8.decode(bytes.rewind())
                            + "'");
        }
    }

    private static int u16(ByteBuffer buffer, int at) {
        return Short.toUnsignedInt(buffer.getShort(at));
    }

    private static long u32(ByteBuffer buffer, int at) {
        return Integer.toUnsignedLong(buffer.getInt(at));
    }
}
