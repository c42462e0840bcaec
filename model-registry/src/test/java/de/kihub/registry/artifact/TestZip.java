package de.kihub.registry.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes stored (uncompressed) zips byte by byte, so tests control what java.util.zip would not
 * write: Unix modes such as symbolic links, and local headers that disagree with the directory.
 */
final class TestZip {
    private static final int UNIX = 3;
    private static final int VERSION = 20;
    private static final int UTF8_NAMES = 0x0800;
    private static final int REGULAR_FILE = 0100644;
    private static final int SYMBOLIC_LINK = 0120777;
    private static final int SATURATED = 0xFFFF_FFFF;

    private record Entry(String name, String localName, byte[] data, int unixMode) {}

    private final List<Entry> entries = new ArrayList<>();
    private boolean zip64;

    TestZip file(String name, byte[] data) {
        entries.add(new Entry(name, name, data, REGULAR_FILE));
        return this;
    }

    TestZip file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    TestZip symlink(String name, String target) {
        entries.add(new Entry(name, name, target.getBytes(StandardCharsets.UTF_8), SYMBOLIC_LINK));
        return this;
    }

    /** An entry whose local header carries another name than its central directory record. */
    TestZip disguised(String centralName, String localName, String text) {
        entries.add(
                new Entry(
                        centralName,
                        localName,
                        text.getBytes(StandardCharsets.UTF_8),
                        REGULAR_FILE));
        return this;
    }

    /**
     * Writes ZIP64 records as PyTorch does: sizes and offsets in the directory's ZIP64 extra
     * fields, and a ZIP64 end record.
     */
    TestZip zip64() {
        zip64 = true;
        return this;
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, toBytes());
    }

    byte[] toBytes() {
        Bytes zip = new Bytes();
        List<Integer> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add(zip.size());
            byte[] name = e.localName().getBytes(StandardCharsets.UTF_8);
            zip.u32(0x04034b50).u16(VERSION).u16(UTF8_NAMES).u16(0).u32(0);
            zip.u32(crc(e.data())).u32(e.data().length).u32(e.data().length);
            zip.u16(name.length).u16(0).bytes(name).bytes(e.data());
        }
        int directoryOffset = zip.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int size = zip64 ? SATURATED : e.data().length;
            zip.u32(0x02014b50).u16(UNIX << 8 | VERSION).u16(VERSION).u16(UTF8_NAMES).u16(0);
            zip.u32(0).u32(crc(e.data())).u32(size).u32(size);
            zip.u16(name.length).u16(zip64 ? 28 : 0).u16(0).u16(0).u16(0);
            zip.u32(e.unixMode() << 16).u32(zip64 ? SATURATED : offsets.get(i)).bytes(name);
            if (zip64) {
                zip.u16(1).u16(24).u64(e.data().length).u64(e.data().length).u64(offsets.get(i));
            }
        }
        int directorySize = zip.size() - directoryOffset;
        if (zip64) {
            int end64 = zip.size();
            zip.u32(0x06064b50).u64(44).u16(UNIX << 8 | 45).u16(45).u32(0).u32(0);
            zip.u64(entries.size()).u64(entries.size()).u64(directorySize).u64(directoryOffset);
            zip.u32(0x07064b50).u32(0).u64(end64).u32(1);
            zip.u32(0x06054b50).u16(0).u16(0).u16(0xFFFF).u16(0xFFFF);
            zip.u32(SATURATED).u32(SATURATED).u16(0);
        } else {
            zip.u32(0x06054b50).u16(0).u16(0).u16(entries.size()).u16(entries.size());
            zip.u32(directorySize).u32(directoryOffset).u16(0);
        }
        return zip.toByteArray();
    }

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    private static final class Bytes extends ByteArrayOutputStream {
        Bytes u16(int value) {
            write(value);
            write(value >>> 8);
            return this;
        }

        Bytes u32(int value) {
            return u16(value & 0xFFFF).u16(value >>> 16);
        }

        Bytes u64(long value) {
            return u32((int) value).u32((int) (value >>> 32));
        }

        Bytes bytes(byte[] value) {
            writeBytes(value);
            return this;
        }
    }
}
