package de.kihub.services.modelimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NanoDetWeightsTest {
    @TempDir Path dir;

    @Test
    void refusesFilesWhoseChecksumDiffers() throws Exception {
        Files.writeString(dir.resolve(NanoDetWeights.MODEL_JSON), "{}", StandardCharsets.UTF_8);
        Files.write(dir.resolve(NanoDetWeights.WEIGHTS), new byte[16]);

        ModelImportException e =
                assertThrows(ModelImportException.class, () -> NanoDetWeights.verify(dir));

        String sha256OfBraces = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
        assertTrue(
                e.getMessage().contains("nanodet.json has SHA-256 " + sha256OfBraces + ", not the"),
                e.getMessage());
    }

    @Test
    void namesAMissingFile() {
        ModelImportException e =
                assertThrows(ModelImportException.class, () -> NanoDetWeights.verify(dir));

        assertEquals(
                "The NanoDet-m file "
                        + dir.resolve("nanodet.json").toAbsolutePath()
                        + " is missing.",
                e.getMessage());
    }

    @Test
    void readsTheDataDirectoryFromTheSystemProperty() {
        String before = System.getProperty(NanoDetWeights.DATA_PROPERTY);
        try {
            System.setProperty(NanoDetWeights.DATA_PROPERTY, "/srv/data");
            assertEquals(
                    Path.of("/srv/data/models/nanodet-m"), NanoDetWeights.configuredDirectory());
            System.clearProperty(NanoDetWeights.DATA_PROPERTY);
            assertEquals(
                    Path.of("../shared/data/models/nanodet-m"),
                    NanoDetWeights.configuredDirectory());
        } finally {
            if (before != null) {
                System.setProperty(NanoDetWeights.DATA_PROPERTY, before);
            }
        }
    }
}
