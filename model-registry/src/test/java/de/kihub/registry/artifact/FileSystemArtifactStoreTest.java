package de.kihub.registry.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemArtifactStoreTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final Sha256 HELLO_SHA =
            Sha256.of("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    private static final long LIMIT = 1024;

    @TempDir Path root;

    private FileSystemArtifactStore store() {
        return new FileSystemArtifactStore(root);
    }

    @Test
    void stagesWithHashAndSizeAndCommitsUnderTheContentAddress() throws IOException {
        FileSystemArtifactStore store = store();

        StagedArtifact staged = store.stage(new ByteArrayInputStream(HELLO), LIMIT);
        assertEquals(HELLO_SHA, staged.sha256());
        assertEquals(5, staged.size());
        assertFalse(store.exists(HELLO_SHA));

        assertEquals(HELLO_SHA, store.commit(staged));
        Path object = root.resolve("objects/2c/f2/" + HELLO_SHA.hex());
        assertArrayEquals(HELLO, Files.readAllBytes(object));
        assertFalse(Files.exists(staged.file()));
        assertTrue(store.exists(HELLO_SHA));
    }

    @Test
    void storesIdenticalContentOnce() throws IOException {
        FileSystemArtifactStore store = store();

        store.commit(store.stage(new ByteArrayInputStream(HELLO), LIMIT));
        store.commit(store.stage(new ByteArrayInputStream(HELLO), LIMIT));

        assertEquals(1, filesUnder(root.resolve("objects")).size());
        assertEquals(List.of(), filesUnder(root.resolve("tmp")));
        assertEquals(Set.of(HELLO_SHA), store.list());
    }

    @Test
    void acceptsUploadOfExactlyTheLimit() throws IOException {
        StagedArtifact staged = store().stage(new ByteArrayInputStream(HELLO), HELLO.length);

        assertEquals(HELLO.length, staged.size());
    }

    @Test
    void stopsReadingAnUploadOverTheLimitAndLeavesNoTemporaryFile() throws IOException {
        EndlessZeros endless = new EndlessZeros();

        PayloadTooLargeException e =
                assertThrows(PayloadTooLargeException.class, () -> store().stage(endless, LIMIT));

        assertEquals(LIMIT, e.limitBytes());
        assertEquals("The upload exceeds the limit of 1024 bytes.", e.getMessage());
        assertEquals(LIMIT + 1, endless.delivered);
        assertEquals(List.of(), filesUnder(root.resolve("tmp")));
    }

    @Test
    void deletesTheTemporaryFileWhenTheUploadBreaksOff() throws IOException {
        InputStream broken =
                new InputStream() {
                    private int sent;

                    @Override
                    public int read() throws IOException {
                        if (sent++ < 100) {
                            return 'x';
                        }
                        throw new IOException("connection reset");
                    }
                };

        assertThrows(IOException.class, () -> store().stage(broken, LIMIT));

        assertEquals(List.of(), filesUnder(root.resolve("tmp")));
    }

    @Test
    void discardDeletesTheStagedFileAndToleratesRepetition() throws IOException {
        FileSystemArtifactStore store = store();
        StagedArtifact staged = store.stage(new ByteArrayInputStream(HELLO), LIMIT);

        store.discard(staged);
        store.discard(staged);

        assertFalse(Files.exists(staged.file()));
        assertEquals(Set.of(), store.list());
    }

    @Test
    void refusesToCommitAStagedFileWhoseSizeChanged() throws IOException {
        FileSystemArtifactStore store = store();
        StagedArtifact staged = store.stage(new ByteArrayInputStream(HELLO), LIMIT);
        Files.write(staged.file(), "hell".getBytes(StandardCharsets.US_ASCII));

        assertThrows(IOException.class, () -> store.commit(staged));

        assertFalse(store.exists(HELLO_SHA));
    }

    @Test
    void refusesToCommitAFileItDidNotStage() throws IOException {
        Path elsewhere = Files.write(root.resolve("elsewhere"), HELLO);
        StagedArtifact forged = new StagedArtifact(elsewhere, HELLO_SHA, HELLO.length);

        assertThrows(IllegalArgumentException.class, () -> store().commit(forged));

        assertTrue(Files.exists(elsewhere));
    }

    @Test
    void removesStaleTemporaryFilesLeftByAKilledServer() throws IOException {
        Files.createDirectories(root.resolve("tmp"));
        Files.write(root.resolve("tmp/upload-1.part"), HELLO);
        Files.write(root.resolve("tmp/upload-2.part"), HELLO);
        FileSystemArtifactStore store = store();
        store.commit(store.stage(new ByteArrayInputStream(HELLO), LIMIT));

        assertEquals(2, store.removeStaleTemporaryFiles());

        assertEquals(List.of(), filesUnder(root.resolve("tmp")));
        assertTrue(store.exists(HELLO_SHA));
    }

    @Test
    void removingStaleTemporaryFilesOfAFreshStoreFindsNone() throws IOException {
        assertEquals(0, store().removeStaleTemporaryFiles());
    }

    @Test
    void opensMeasuresListsAndDeletesCommittedContent() throws IOException {
        FileSystemArtifactStore store = store();
        byte[] other = TestOnnx.identityModel();
        Sha256 model = store.commit(store.stage(new ByteArrayInputStream(other), LIMIT));
        store.commit(store.stage(new ByteArrayInputStream(HELLO), LIMIT));

        try (InputStream in = store.open(model)) {
            assertArrayEquals(other, in.readAllBytes());
        }
        assertEquals(other.length, store.size(model));
        assertEquals(Set.of(model, HELLO_SHA), store.list());

        assertTrue(store.delete(model));

        assertFalse(store.exists(model));
        assertEquals(Set.of(HELLO_SHA), store.list());
    }

    @Test
    void unknownContentIsNotFound() throws IOException {
        FileSystemArtifactStore store = store();

        assertFalse(store.exists(HELLO_SHA));
        assertFalse(store.delete(HELLO_SHA));
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.open(HELLO_SHA));
        assertTrue(e.getMessage().contains(HELLO_SHA.hex()), e.getMessage());
        assertThrows(NotFoundException.class, () -> store.size(HELLO_SHA));
        assertEquals(Set.of(), store.list());
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** A client that never stops sending, counting what it delivered. */
    private static final class EndlessZeros extends InputStream {
        long delivered;

        @Override
        public int read() {
            delivered++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            delivered += length;
            return length;
        }
    }
}
