package de.kihub.registry.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A real TorchScript file for tests (see test-models/README.md for how it was made). */
public final class TestTorchScript {
    private TestTorchScript() {}

    /** {@code x + 1}, scripted with PyTorch 1.13 and saved with torch.jit. */
    public static byte[] addOne() {
        try (InputStream in =
                TestTorchScript.class.getResourceAsStream("/test-models/add_one.pt")) {
            if (in == null) {
                throw new IllegalStateException(
                        "test-models/add_one.pt is missing from the test jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
