package de.kihub.registry.artifact;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileCheckTest {
    @TempDir Path dir;

    @Test
    void acceptsUtf8LabelFiles() throws Exception {
        Path labels =
                Files.writeString(
                        dir.resolve("labels.txt"), "Person\nFußgänger\n", StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> TextFileCheck.requireText(labels, "labels.txt"));
    }

    @Test
    void refusesBinaryContent() throws Exception {
        Path binary =
                Files.write(dir.resolve("labels.txt"), new byte[] {(byte) 0x80, 0x04, (byte) 0x95});
        assertThrows(InvalidArtifactException.class, () -> TextFileCheck.requireText(binary, "x"));
        Path nul = Files.write(dir.resolve("config.json"), new byte[] {'{', 0, '}'});
        assertThrows(InvalidArtifactException.class, () -> TextFileCheck.requireText(nul, "x"));
    }
}
