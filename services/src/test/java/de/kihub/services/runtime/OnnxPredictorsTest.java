package de.kihub.services.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading: a file ONNX Runtime cannot read is refused and leaves no link behind (admission and
 * timeouts are tested through the detectors and classifiers that use this class).
 */
class OnnxPredictorsTest {
    @TempDir Path dir;

    @Test
    void aFileThatIsNoModelIsRefusedAndItsLinkRemoved() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "not a model");
        List<Path> before = links();
        assertThrows(
                Exception.class,
                () -> OnnxPredictors.load("the test model", garbage, RuntimeSettings.defaults()));
        assertEquals(before, links());
    }

    /** The temporary folders models are linked into. */
    private static List<Path> links() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("kihub-model-"))
                    .sorted()
                    .toList();
        }
    }
}
