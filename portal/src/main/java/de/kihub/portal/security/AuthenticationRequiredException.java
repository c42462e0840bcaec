package de.kihub.portal.security;

/** The request needs a signed-in caller (a valid bearer token or browser session) and has none. */
public class AuthenticationRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationRequiredException() {
        this("This request needs a valid access token (Authorization: Bearer ...).");
    }

    public AuthenticationRequiredException(String message) {
        super(message);
    }
}
