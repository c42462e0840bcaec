package de.kihub.registry.artifact;

import de.kihub.registry.error.InvalidRequestException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 of an artifact's bytes as 64 lower-case hex characters; its address in a store. */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_ECHOED = 80;

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new InvalidRequestException(
                    "Invalid sha256 '"
                            + echo(hex)
                            + "': expected exactly 64 lower-case hexadecimal characters.");
        }
    }

    public static Sha256 of(String hex) {
        return new Sha256(hex);
    }

    static Sha256 ofDigest(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    // Values come from URLs; a megabyte of garbage should not end up in a log line.
    private static String echo(String value) {
        return value == null || value.length() <= MAX_ECHOED
                ? value
                : value.substring(0, MAX_ECHOED) + "...";
    }

    @Override
    public String toString() {
        return hex;
    }
}
