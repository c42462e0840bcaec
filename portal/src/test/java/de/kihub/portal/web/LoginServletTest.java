package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginServletTest {

    @Test
    void returnsToAPathOfThisHub() {
        assertEquals("/katalog?q=x", LoginServlet.returnTarget("", "/katalog?q=x"));
        assertEquals("/", LoginServlet.returnTarget("", null));
    }

    @Test
    void neverToAnotherSite() {
        assertEquals("/", LoginServlet.returnTarget("", "https://evil.example/"));
        assertEquals("/", LoginServlet.returnTarget("", "//evil.example/"));
        assertEquals("/", LoginServlet.returnTarget("", "/\\evil.example/"));
        assertEquals("/", LoginServlet.returnTarget("", "/katalog\r\nSet-Cookie: x=y"));
        assertEquals("/hub/", LoginServlet.returnTarget("/hub", "/other/"));
    }

    @Test
    void loginLinkCarriesTheCurrentPageExceptHome() {
        assertEquals("/login", PageModel.loginUrl("", "/", QueryParameters.EMPTY));
        assertEquals(
                "/sign-in?return=%2Fkatalog%3Fq%3DZ%25C3%25A4hler",
                PageModel.loginUrl("", "/katalog", QueryParameters.parse("q=Z%C3%A4hler")));
    }
}
