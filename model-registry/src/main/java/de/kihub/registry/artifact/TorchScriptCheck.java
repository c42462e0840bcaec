package de.kihub.registry.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises TorchScript (what {@code torch.jit.save} writes): a zip whose entries share one
 * top-level folder holding {@code data.pkl} and a {@code version} record. Its pickles are
 * TorchScript's restricted ones, which the loader never hands to Python.
 */
final class TorchScriptCheck {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    // A TorchScript central directory takes ~100 bytes per tensor; this covers tens of thousands.
    private static final int NESTED_TAIL_BYTES = 4 * 1024 * 1024;

    private TorchScriptCheck() {}

    static boolean isZip(byte[] head) {
        return head.length >= ZIP_MAGIC.length
                && head[0] == ZIP_MAGIC[0]
                && head[1] == ZIP_MAGIC[1]
                && head[2] == ZIP_MAGIC[2]
                && head[3] == ZIP_MAGIC[3];
    }

    static boolean hasLayout(List<ZipEntryRecord> entries) {
        if (entries.isEmpty()) {
            return false;
        }
        String first = entries.get(0).name();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String folder = first.substring(0, slash + 1);
        Set<String> names = entries.stream().map(ZipEntryRecord::name).collect(Collectors.toSet());
        return names.stream().allMatch(name -> name.startsWith(folder))
                && names.contains(folder + "data.pkl")
                && (names.contains(folder + "version") || names.contains(folder + ".data/version"));
    }

    /**
     * Checks a TorchScript file inside another zip as it streams past: only its central directory
     * is kept and read. Its entries are not inflated here; their declared sizes must fit the
     * limits.
     */
    static void checkNested(InputStream in, ArchiveLimits limits)
            throws IOException, MalformedException {
        byte[] head = in.readNBytes(ZIP_MAGIC.length);
        if (!isZip(head)) {
            throw new MalformedException(
                    "is not a zip archive (a pickled torch.save file is not TorchScript)");
        }
        TailRecorder tail = new TailRecorder(NESTED_TAIL_BYTES);
        tail.write(head);
        in.transferTo(tail);
        ZipDirectory directory = ZipDirectory.read(tail.bytes(), limits.maxEntries());
        ZipEntryRules.check(directory.entries(), limits);
        if (!hasLayout(directory.entries())) {
            throw new MalformedException(
                    "lacks the one top-level folder with data.pkl and version that TorchScript"
                            + " has");
        }
    }
}
