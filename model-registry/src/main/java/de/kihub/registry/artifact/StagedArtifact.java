package de.kihub.registry.artifact;

import java.nio.file.Path;

/**
 * An upload streamed to a temporary file of the store, not yet visible under its content address;
 * either {@linkplain ArtifactStore#commit commit} or {@linkplain ArtifactStore#discard discard} it.
 */
public record StagedArtifact(Path file, Sha256 sha256, long size) {}
