package de.kihub.registry.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * Content-addressed storage of artifact bytes. An upload is first staged (streamed to a private
 * temporary file while hashing), inspected by the caller, then committed under its SHA-256, so a
 * half-written or rejected upload is never visible and identical content is stored once.
 */
public interface ArtifactStore {

    /**
     * Streams {@code content} to a new temporary file, hashing and counting on the way. Reads at
     * most one byte more than {@code maxBytes}: more than that fails with {@link
     * PayloadTooLargeException}, whatever length the client declared. On any failure the temporary
     * file is gone. The caller closes {@code content}.
     */
    StagedArtifact stage(InputStream content, long maxBytes) throws IOException;

    /**
     * Makes the staged bytes visible under their SHA-256 in one atomic step; when that content is
     * already stored the staged copy is just deleted.
     */
    Sha256 commit(StagedArtifact staged) throws IOException;

    /** Deletes the staged temporary file, if still there; never fails. */
    void discard(StagedArtifact staged);

    boolean exists(Sha256 id);

    /** The stored size in bytes; {@link de.kihub.registry.error.NotFoundException} if absent. */
    long size(Sha256 id) throws IOException;

    /**
     * The stored bytes, for the caller to close; {@link de.kihub.registry.error.NotFoundException}
     * if absent.
     */
    InputStream open(Sha256 id) throws IOException;

    /**
     * A local file with the content, for engines that load from a path (DJL); the file-system store
     * returns its own read-only file. {@link de.kihub.registry.error.NotFoundException} if absent.
     */
    Path localFile(Sha256 id) throws IOException;

    /** Removes the content; {@code false} if it was not stored. */
    boolean delete(Sha256 id) throws IOException;

    /** Every committed content address. */
    Set<Sha256> list() throws IOException;
}
