package de.kihub.registry.error;

/** The requested object does not exist or is not visible to the caller's tenant. */
public class NotFoundException extends HubException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
