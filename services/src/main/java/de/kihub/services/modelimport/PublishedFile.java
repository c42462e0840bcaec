package de.kihub.services.modelimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks a downloaded model file against its published SHA-256 sum before anything reads it, so
 * that a truncated download or a changed package is refused with a message naming the file.
 */
final class PublishedFile {
    private PublishedFile() {}

    /**
     * @param model the model's name for messages, e.g. {@code NanoDet-m}
     * @throws ModelImportException when the file is missing, unreadable or has another sum
     */
    static void verify(Path file, String expectedSha256, String model) {
        if (!Files.isRegularFile(file)) {
            throw new ModelImportException(
                    "The " + model + " file " + file.toAbsolutePath() + " is missing.");
        }
        String actual = sha256(file, model);
        if (!actual.equals(expectedSha256)) {
            throw new ModelImportException(
                    "The "
                            + model
                            + " file "
                            + file.toAbsolutePath()
                            + " has SHA-256 "
                            + actual
                            + ", not the published "
                            + expectedSha256
                            + ".");
        }
    }

    static String sha256(Path file, String model) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ModelImportException(
                    "The " + model + " file " + file.toAbsolutePath() + " cannot be read.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
