package de.kihub.registry.error;

/** The request is malformed or violates a domain rule; the message says which. */
public class InvalidRequestException extends HubException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
