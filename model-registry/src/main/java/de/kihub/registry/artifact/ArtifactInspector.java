package de.kihub.registry.artifact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells what kind of model a file holds from its bytes alone (names lie) and refuses malformed or
 * unsafe ones (path traversal, links, zip bombs, pickles) before an engine ever loads them.
 * Streams; neither holds a file in memory nor extracts one to disk.
 */
public final class ArtifactInspector {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ArchiveLimits limits;

    public ArtifactInspector(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws InvalidArtifactException naming the first problem found, the entry too in an archive
     */
    public ArtifactFormat inspect(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new InvalidArtifactException(
                    "The file is empty; expected an ONNX model, a TorchScript file or a DJL model"
                            + " archive.");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        return TorchScriptCheck.isZip(head) ? inspectZip(file) : inspectOnnx(file, size);
    }

    private static ArtifactFormat inspectOnnx(Path file, long size) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            OnnxCheck.check(in, size);
            return ArtifactFormat.ONNX;
        } catch (MalformedException e) {
            throw new InvalidArtifactException(
                    "The file is neither ONNX, TorchScript nor a DJL model archive: read as ONNX,"
                            + " it "
                            + e.getMessage()
                            + ".");
        }
    }

    private ArtifactFormat inspectZip(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ZipBytes bytes = ZipBytes.of(channel);
            ZipDirectory directory = ZipDirectory.read(bytes, limits.maxEntries());
            ZipEntryRules.check(directory.entries(), limits);
            directory.verifyLocalHeaders(bytes);
            if (TorchScriptCheck.hasLayout(directory.entries())) {
                ZipContent.scan(file, directory, limits, ZipContent::noCloserLook);
                return ArtifactFormat.TORCHSCRIPT;
            }
            DjlArchiveCheck.checkNames(directory.entries());
            ZipContent.scan(file, directory, limits, new DjlArchiveCheck(limits));
            return ArtifactFormat.DJL_ARCHIVE;
        } catch (MalformedException e) {
            throw new InvalidArtifactException("The archive " + e.getMessage() + ".");
        }
    }
}
