package de.kihub.services.counting;

import static org.junit.jupiter.api.Assertions.fail;

import de.kihub.services.modelimport.NanoDetWeights;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared evaluation data (shared/data, never committed) and this module's build folder
 * lie, for tests and benchmarks alike. Missing data fails with a message saying where to point
 * {@code -Dkihub.test.data}.
 */
public final class SharedTestData {
    private SharedTestData() {}

    /**
     * The data directory: {@code -Dkihub.test.data} (Surefire sets it from the root pom), else the
     * first of {@code ../shared/data} and {@code ../../shared/data} that exists, so that a
     * benchmark started from the project root or from {@code services/} finds it as well.
     */
    public static Path directory() {
        String configured = System.getProperty(NanoDetWeights.DATA_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path beside = Path.of(NanoDetWeights.DEFAULT_DATA_DIRECTORY);
        return Files.isDirectory(beside) ? beside : Path.of("..").resolve(beside);
    }

    /** A file of the data directory, or a failure naming it and how to provide it. */
    public static Path file(String relative) {
        Path file = directory().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail(
                    "The shared test data file "
                            + file.toAbsolutePath().normalize()
                            + " is missing. It lies beside the project checkout (../shared/data,"
                            + " see its README.md); point -D"
                            + NanoDetWeights.DATA_PROPERTY
                            + "=<dir> at the directory that holds it.");
        }
        return file;
    }

    /** This module's build folder ({@code services/target}), found from the compiled tests. */
    public static Path buildDirectory() {
        try {
            Path testClasses =
                    Path.of(
                            SharedTestData.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return testClasses.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The test classes have no file location", e);
        }
    }
}
