package de.kihub.registry.artifact;

import de.kihub.registry.error.InvalidRequestException;

/** An artifact is malformed, of an unsupported kind or unsafe; the message says what and where. */
public class InvalidArtifactException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public InvalidArtifactException(String message) {
        super(message);
    }
}
