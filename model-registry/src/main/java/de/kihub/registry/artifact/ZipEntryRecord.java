package de.kihub.registry.artifact;

/**
 * One central-directory record of a zip, as written, before anything is trusted. {@code
 * externalAttributes} carries the Unix file mode in its upper 16 bits.
 */
record ZipEntryRecord(
        String name,
        int flags,
        int method,
        long compressedSize,
        long uncompressedSize,
        long externalAttributes,
        long localHeaderOffset) {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    boolean isDirectory() {
        return name.endsWith("/");
    }

    boolean isEncrypted() {
        return (flags & 1) != 0;
    }

    /** The Unix file type bits (S_IFMT) of the mode, 0 when the writer recorded none. */
    int unixFileType() {
        return (int) (externalAttributes >>> 16) & 0170000;
    }

    /** The name in quotes for a message, control characters escaped so they show. */
    String quoted() {
        StringBuilder s = new StringBuilder("'");
        name.codePoints()
                .forEach(
                        c -> {
                            if (Character.isISOControl(c)) {
                                s.append(String.format("\\u%04x", c));
                            } else {
                                s.appendCodePoint(c);
                            }
                        });
        return s.append('\'').toString();
    }
}
