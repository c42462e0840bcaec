package de.kihub.registry.artifact;

import de.kihub.registry.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Artifact store in a directory: committed content in {@code objects/ab/cd/abcd…} (two fan-out
 * levels keep directories small), uploads in progress in {@code tmp} on the same file system so
 * that committing is an atomic rename.
 */
public final class FileSystemArtifactStore implements ArtifactStore {
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path objects;
    private final Path tmp;

    public FileSystemArtifactStore(Path root) {
        Path base = root.toAbsolutePath().normalize();
        this.objects = base.resolve("objects");
        this.tmp = base.resolve("tmp");
    }

    @Override
    public StagedArtifact stage(InputStream content, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        Files.createDirectories(tmp);
        Path file = Files.createTempFile(tmp, "upload-", ".part");
        boolean staged = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[BUFFER_BYTES];
            long size = 0;
            while (true) {
                long room = maxBytes - size;
                // Ask for one byte past the limit at most, so an endless stream is cut off at once.
                int wanted = room >= buffer.length ? buffer.length : (int) room + 1;
                int n = content.read(buffer, 0, wanted);
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
                sha.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            // Durable before the rename in commit, so a crash cannot leave a committed torso.
            out.force(true);
            staged = true;
            return new StagedArtifact(file, Sha256.ofDigest(sha.digest()), size);
        } finally {
            if (!staged) {
                deleteQuietly(file);
            }
        }
    }

    @Override
    public Sha256 commit(StagedArtifact staged) throws IOException {
        Path file = requireStaging(staged.file());
        long actual = Files.size(file);
        // Re-hashing would double every upload's I/O; the file is private to this store, so a
        // size check is enough to catch a truncated or reused temporary file.
        if (actual != staged.size()) {
            throw new IOException(
                    "Staged file " + file + " has " + actual + " bytes, expected " + staged.size());
        }
        Path target = objectPath(staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
            return staged.sha256();
        }
        makeReadOnly(file);
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException concurrentCommitOfSameContent) {
            Files.deleteIfExists(file);
        }
        return staged.sha256();
    }

    @Override
    public void discard(StagedArtifact staged) {
        Path file = staged.file().toAbsolutePath().normalize();
        if (tmp.equals(file.getParent())) {
            deleteQuietly(file);
        }
    }

    @Override
    public boolean exists(Sha256 id) {
        return Files.isRegularFile(objectPath(id));
    }

    @Override
    public long size(Sha256 id) throws IOException {
        try {
            return Files.size(objectPath(id));
        } catch (NoSuchFileException e) {
            throw notFound(id);
        }
    }

    @Override
    public InputStream open(Sha256 id) throws IOException {
        try {
            return Files.newInputStream(objectPath(id));
        } catch (NoSuchFileException e) {
            throw notFound(id);
        }
    }

    @Override
    public Path localFile(Sha256 id) throws IOException {
        Path file = objectPath(id);
        if (!Files.isRegularFile(file)) {
            throw notFound(id);
        }
        return file;
    }

    @Override
    public boolean delete(Sha256 id) throws IOException {
        // The fan-out folders stay: removing them could race with a commit that just made them.
        return Files.deleteIfExists(objectPath(id));
    }

    @Override
    public Set<Sha256> list() throws IOException {
        if (!Files.isDirectory(objects)) {
            return Set.of();
        }
        Set<Sha256> ids = new HashSet<>();
        try (Stream<Path> files = Files.walk(objects, 3)) {
            files.filter(p -> objects.relativize(p).getNameCount() == 3)
                    .filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> HEX.matcher(name).matches())
                    .map(Sha256::of)
                    .filter(id -> Files.isRegularFile(objectPath(id)))
                    .forEach(ids::add);
        }
        return Set.copyOf(ids);
    }

    /**
     * Deletes every file in the temporary folder; call at start-up, before any upload, so that a
     * server killed mid-upload leaves nothing behind.
     *
     * @return how many files were deleted
     */
    public int removeStaleTemporaryFiles() throws IOException {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private Path objectPath(Sha256 id) {
        String hex = id.hex();
        return objects.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    // A StagedArtifact is a plain record anyone can build; only our own temporary files move.
    private Path requireStaging(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!tmp.equals(normalized.getParent())) {
            throw new IllegalArgumentException("Not a file staged by this store: " + file);
        }
        return normalized;
    }

    private static void makeReadOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: removeStaleTemporaryFiles sweeps up whatever is left at the next start.
        }
    }

    private static NotFoundException notFound(Sha256 id) {
        return new NotFoundException("No artifact with sha256 " + id + " is stored.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
        }
    }
}
