package de.kihub.registry.version;

import de.kihub.registry.artifact.ArtifactFormat;
import java.time.Instant;
import java.util.List;

/** A version's primary artifact as inspected on upload. */
public record ArtifactInfo(
        String sha256,
        ArtifactFormat format,
        long size,
        String engine,
        List<TensorDescription> inputs,
        List<TensorDescription> outputs,
        Instant inspectedAt) {}
