package de.kihub.services.inspection;

import de.kihub.registry.error.InvalidRequestException;

/** The uploaded model could not be loaded; the message tells the uploader why. */
public class ModelLoadException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }
}
