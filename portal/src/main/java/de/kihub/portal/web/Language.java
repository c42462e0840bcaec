package de.kihub.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * The page language: German unless the visitor chose English with {@code ?lang=en}; the choice is
 * kept in a cookie.
 */
final class Language {
    static final String PARAM = "lang";
    static final String COOKIE = "kihub-lang";
    static final Locale GERMAN = Locale.GERMAN;
    static final Locale ENGLISH = Locale.ENGLISH;

    private Language() {}

    static Locale resolve(HttpServletRequest request, HttpServletResponse response) {
        String chosen = request.getParameter(PARAM);
        if (chosen != null) {
            Locale locale = parse(chosen);
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return locale;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return parse(cookie.getValue());
                }
            }
        }
        return GERMAN;
    }

    static Locale parse(String value) {
        return "en".equalsIgnoreCase(value) ? ENGLISH : GERMAN;
    }
}
