package de.kihub.portal.security;

/** The caller is signed in but lacks the role or tenant the request needs. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
