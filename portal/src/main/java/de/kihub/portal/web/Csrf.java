package de.kihub.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Protection of the pages' forms against cross-site request forgery: every form that changes
 * something carries the signed-in session's random token in a hidden field {@value #FIELD} (the
 * {@code layout :: csrf} fragment writes it), and the servlet calls {@link #valid} before it
 * changes anything. The session cookie is also {@code SameSite=Lax}; the token is the defence that
 * does not depend on the browser.
 */
public final class Csrf {
    /** The name of the hidden form field. */
    public static final String FIELD = "csrf";

    private static final String ATTRIBUTE = Csrf.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** The session's token, created with the session when there is none yet. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }

    /**
     * Whether the request's form field matches the session's token (compared in constant time).
     * False without a session, without a token, or for a different one.
     */
    public static boolean valid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String given = request.getParameter(FIELD);
        if (session == null || given == null) {
            return false;
        }
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String token
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.US_ASCII),
                        given.getBytes(StandardCharsets.UTF_8));
    }
}
