package de.kihub.registry.error;

/** The caller may see the object but lacks the role to change it. */
public class ForbiddenException extends HubException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
