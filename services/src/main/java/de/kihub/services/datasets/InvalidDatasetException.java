package de.kihub.services.datasets;

import de.kihub.registry.artifact.InvalidArtifactException;

/**
 * A dataset upload is not what its format promises; the message names the first bad line or file.
 * Answered like an invalid artifact (422).
 */
public class InvalidDatasetException extends InvalidArtifactException {
    private static final long serialVersionUID = 1L;

    public InvalidDatasetException(String message) {
        super(message);
    }
}
