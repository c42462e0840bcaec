package de.kihub.portal.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Browser sign-in. {@code /login} is constrained in web.xml, so the OIDC mechanism sends the
 * browser to Keycloak first; once signed in, the visitor lands on the home page or on the page the
 * sign-in started from. Pages link to {@code /sign-in?return=<path>}, which keeps that path in a
 * short-lived cookie for {@code /login}: the OIDC mechanism drops query parameters from the address
 * it returns to, so {@code /login?return=} would not survive the round trip.
 */
@WebServlet({LoginServlet.LOGIN, LoginServlet.SIGN_IN})
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String LOGIN = "/login";
    static final String SIGN_IN = "/sign-in";
    static final String RETURN_PARAM = "return";
    static final String RETURN_COOKIE = "kihub-return";

    /** Long enough to type a password, short enough not to surprise a later sign-in. */
    static final int RETURN_COOKIE_SECONDS = 600;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String contextPath = request.getContextPath();
        if (SIGN_IN.equals(request.getServletPath())) {
            String target = returnTarget(contextPath, request.getParameter(RETURN_PARAM));
            response.addCookie(
                    returnCookie(
                            contextPath,
                            URLEncoder.encode(target, StandardCharsets.UTF_8),
                            RETURN_COOKIE_SECONDS));
            response.sendRedirect(contextPath + LOGIN);
            return;
        }
        String remembered = cookie(request);
        if (remembered != null) {
            response.addCookie(returnCookie(contextPath, "", 0));
        }
        response.sendRedirect(
                returnTarget(
                        contextPath,
                        remembered == null
                                ? null
                                : URLDecoder.decode(remembered, StandardCharsets.UTF_8)));
    }

    private static Cookie returnCookie(String contextPath, String value, int maxAge) {
        Cookie cookie = new Cookie(RETURN_COOKIE, value);
        cookie.setPath(contextPath + LOGIN);
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (RETURN_COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Only a path on this hub: an absolute or scheme-relative address ({@code //evil.example}),
     * back-slashes and control characters would make the sign-in an open redirect.
     */
    static String returnTarget(String contextPath, String requested) {
        String home = contextPath + "/";
        if (requested == null
                || !requested.startsWith(home)
                || requested.startsWith("//")
                || requested.contains("\\")
                || requested.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return home;
        }
        return requested;
    }
}
