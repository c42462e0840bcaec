package de.kihub.registry.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {
    private static final ArchiveLimits LIMITS = ArchiveLimits.defaults();

    @TempDir Path dir;

    @Test
    void readsFileEntriesInArchiveOrderWithoutFolders() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data/"));
            zip.putNextEntry(new ZipEntry("data/labels.csv"));
            zip.write("a.jpg,1\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("data/a.jpg"));
            zip.write(new byte[5000]);
        }
        Path file = Files.write(dir.resolve("ok.zip"), bytes.toByteArray());

        try (SafeZip zip = SafeZip.open(file, LIMITS)) {
            assertEquals(List.of("data/labels.csv", "data/a.jpg"), zip.files());
            assertTrue(zip.isFile("data/a.jpg"));
            assertArrayEquals(
                    "a.jpg,1\n".getBytes(StandardCharsets.UTF_8), zip.read("data/labels.csv"));
            assertEquals(5000, zip.read("data/a.jpg").length);
        }
    }

    @Test
    void rejectsAnEntryEscapingTheFolderNamingIt() throws IOException {
        Path file = new TestZip().file("../evil.jpg", "x").writeTo(dir.resolve("slip.zip"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> SafeZip.open(file, LIMITS));
        assertTrue(e.getMessage().contains("'../evil.jpg'"), e.getMessage());
    }

    @Test
    void rejectsSymbolicLinks() throws IOException {
        Path file = new TestZip().symlink("a.jpg", "/etc/passwd").writeTo(dir.resolve("l.zip"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> SafeZip.open(file, LIMITS));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void aCorruptedEntryFailsItsCrcCheckNamingIt() throws IOException {
        byte[] zip = new TestZip().file("labels.csv", "a.jpg,1\n").toBytes();
        // the stored data follows the 30-byte local header and the 10-byte name
        zip[40] ^= 1;
        Path file = Files.write(dir.resolve("crc.zip"), zip);

        try (SafeZip safe = SafeZip.open(file, LIMITS)) {
            InvalidArtifactException e =
                    assertThrows(InvalidArtifactException.class, () -> safe.read("labels.csv"));
            assertTrue(e.getMessage().contains("'labels.csv'"), e.getMessage());
            assertTrue(e.getMessage().contains("CRC"), e.getMessage());
        }
    }

    @Test
    void inflationIsBoundedPerEntry() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("big.txt"));
            zip.write(new byte[3 << 20]);
        }
        Path file = Files.write(dir.resolve("big.zip"), bytes.toByteArray());
        ArchiveLimits small = new ArchiveLimits(10, 8 << 20, 1 << 20, 2000);

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> SafeZip.open(file, small));
        assertTrue(e.getMessage().contains("'big.txt'"), e.getMessage());
    }
}
