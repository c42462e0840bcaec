package de.kihub.registry.error;

/** The request conflicts with the current state of an object (duplicate, wrong lifecycle state). */
public class ConflictException extends HubException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
