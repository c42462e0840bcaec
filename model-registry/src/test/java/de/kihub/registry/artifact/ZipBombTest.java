package de.kihub.registry.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One entry of 1 GiB of zeros, deflated to about 1 MB; built once, it takes seconds. */
class ZipBombTest {
    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir static Path dir;

    private static Path bomb;
    private static Path understatedBomb;

    @BeforeAll
    static void buildBombs() throws IOException {
        bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream zip =
                new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(bomb)))) {
            zip.putNextEntry(new ZipEntry("model.onnx"));
            zip.write(TestOnnx.identityModel());
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            writeZeros(zip, GIB);
            zip.closeEntry();
        }
        understatedBomb = dir.resolve("understated.zip");
        Files.write(understatedBomb, withDeclaredSize(Files.readAllBytes(bomb), "zeros.bin", 1024));
    }

    @Test
    void rejectsZipBombByItsDeclaredSizeWithoutInflatingIt() {
        ArtifactInspector inspector = new ArtifactInspector(limits(32 * MIB, 64 * MIB, 200));

        InvalidArtifactException e =
                assertTimeoutPreemptively(
                        QUICKLY,
                        () ->
                                assertThrows(
                                        InvalidArtifactException.class,
                                        () -> inspector.inspect(bomb)));
        assertEquals(
                "The archive has an entry 'zeros.bin' of 1073741824 bytes uncompressed, more than"
                        + " the 33554432 allowed per entry.",
                e.getMessage());
    }

    @Test
    void rejectsZipBombWhoseDirectoryUnderstatesItsSizeByCountingInflatedBytes() {
        ArtifactInspector inspector = new ArtifactInspector(limits(32 * MIB, 64 * MIB, 200));

        InvalidArtifactException e =
                assertTimeoutPreemptively(
                        QUICKLY,
                        () ->
                                assertThrows(
                                        InvalidArtifactException.class,
                                        () -> inspector.inspect(understatedBomb)));
        assertEquals(
                "The archive has an entry 'zeros.bin' that inflates to more than 33554432 bytes,"
                        + " the limit per entry.",
                e.getMessage());
    }

    @Test
    void rejectsEntryThatInflatesBeyondTheCompressionRatioEvenWithinTheSizeLimits() {
        ArtifactInspector inspector = new ArtifactInspector(limits(2 * GIB, 4 * GIB, 200));

        InvalidArtifactException e =
                assertTimeoutPreemptively(
                        QUICKLY,
                        () ->
                                assertThrows(
                                        InvalidArtifactException.class,
                                        () -> inspector.inspect(understatedBomb)));
        assertTrue(
                e.getMessage().contains("'zeros.bin' that inflates more than 200 times"),
                e.getMessage());
    }

    @Test
    void rejectsArchiveWhoseEntriesTogetherInflateBeyondTheTotalLimit() {
        ArtifactInspector inspector = new ArtifactInspector(limits(2 * GIB, 512 * MIB, 2000));

        InvalidArtifactException e =
                assertTimeoutPreemptively(
                        QUICKLY,
                        () ->
                                assertThrows(
                                        InvalidArtifactException.class,
                                        () -> inspector.inspect(understatedBomb)));
        assertEquals(
                "The archive inflates to more than 536870912 bytes, the limit for one archive.",
                e.getMessage());
    }

    private static ArchiveLimits limits(long perEntry, long total, int ratio) {
        return new ArchiveLimits(100, total, perEntry, ratio);
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[(int) MIB];
        for (long written = 0; written < count; written += zeros.length) {
            out.write(zeros);
        }
    }

    /** Rewrites the uncompressed size that the central directory records for {@code entry}. */
    private static byte[] withDeclaredSize(byte[] zip, String entry, int size) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        int count = Short.toUnsignedInt(bytes.getShort(end + 10));
        int at = bytes.getInt(end + 16);
        for (int i = 0; i < count; i++) {
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            int next =
                    at
                            + 46
                            + nameLength
                            + Short.toUnsignedInt(bytes.getShort(at + 30))
                            + Short.toUnsignedInt(bytes.getShort(at + 32));
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals(entry)) {
                bytes.putInt(at + 24, size);
            }
            at = next;
        }
        return zip;
    }
}
