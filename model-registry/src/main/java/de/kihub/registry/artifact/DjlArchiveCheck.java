package de.kihub.registry.artifact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * What a DJL model archive must satisfy: at least one model file that really is ONNX or
 * TorchScript, and no pickled Python objects, which run arbitrary code when loaded.
 */
final class DjlArchiveCheck implements ZipContent.EntryCheck {
    private static final List<String> PICKLE_SUFFIXES = List.of(".pkl", ".pickle", ".joblib");
    private static final List<String> TORCH_SUFFIXES = List.of(".pt", ".pth");
    private static final String ONNX_SUFFIX = ".onnx";
    private static final int PICKLE_PROTO = 0x80;

    private final ArchiveLimits limits;

    DjlArchiveCheck(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Checks by name first, so a bad archive is refused before anything is inflated. */
    static void checkNames(List<ZipEntryRecord> entries) throws MalformedException {
        boolean model = false;
        for (ZipEntryRecord entry : entries) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = lowerCase(entry);
            if (PICKLE_SUFFIXES.stream().anyMatch(name::endsWith)) {
                throw pickle(entry);
            }
            model |= name.endsWith(ONNX_SUFFIX) || TORCH_SUFFIXES.stream().anyMatch(name::endsWith);
        }
        if (!model) {
            throw new MalformedException("contains no model file (.onnx or TorchScript .pt)");
        }
    }

    @Override
    public void check(ZipEntryRecord entry, BufferedInputStream content)
            throws IOException, MalformedException {
        content.mark(2);
        int first = content.read();
        int protocol = content.read();
        content.reset();
        // Pickle protocols 2 to 5 open with PROTO; older ones are caught by name only.
        if (first == PICKLE_PROTO && protocol >= 2 && protocol <= 5) {
            throw pickle(entry);
        }
        String name = lowerCase(entry);
        try {
            if (name.endsWith(ONNX_SUFFIX)) {
                OnnxCheck.check(content, ProtoReader.UNTIL_END_OF_STREAM);
            } else if (TORCH_SUFFIXES.stream().anyMatch(name::endsWith)) {
                TorchScriptCheck.checkNested(content, limits);
            }
        } catch (MalformedException e) {
            throw new MalformedException(
                    "has a model file "
                            + entry.quoted()
                            + " that is not valid "
                            + (name.endsWith(ONNX_SUFFIX) ? "ONNX" : "TorchScript")
                            + ": it "
                            + e.getMessage());
        }
    }

    private static String lowerCase(ZipEntryRecord entry) {
        return entry.name().toLowerCase(Locale.ROOT);
    }

    private static MalformedException pickle(ZipEntryRecord entry) {
        return new MalformedException(
                "has an entry "
                        + entry.quoted()
                        + " holding a pickled Python object, which can run arbitrary code when"
                        + " loaded; export the model to ONNX or TorchScript instead");
    }
}
