package de.kihub.registry.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that an extra file (labels, configuration) is UTF-8 text: binaries, and with them anything
 * executable or serialised, are refused.
 */
public final class TextFileCheck {
    private TextFileCheck() {}

    public static void requireText(Path file, String name) throws IOException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(in, decoder)) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        throw new InvalidArtifactException(
                                "'" + name + "' contains NUL bytes; extra files must be text.");
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw new InvalidArtifactException(
                    "'"
                            + name
                            + "' is not UTF-8 text; extra files (labels, configuration) must be.");
        }
    }
}
