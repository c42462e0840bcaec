package de.kihub.registry.version;

import de.kihub.registry.error.InvalidRequestException;
import java.time.Instant;
import java.util.regex.Pattern;

/** An extra file of a version (labels, configuration), stored by its sha256 like the artifact. */
public record VersionFile(String name, String sha256, long size, Instant uploadedAt) {
    /** Extra files are small text files. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Pattern NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}(\\.[A-Za-z0-9]{1,10}){0,2}");

    /** Returns the name if it is a plain file name (no folders, no dot segments), else throws. */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException(
                    "Invalid file name '"
                            + name
                            + "': letters, digits, '-' and '_', then up to two extensions such as"
                            + " labels.txt or config.yaml.");
        }
        return name;
    }
}
