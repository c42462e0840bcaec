package de.kihub.portal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Ends the hub session and the Keycloak single sign-on session (RP-initiated logout), then returns
 * to the home page. POST only, so that a link on another site cannot sign anyone out.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String idToken = null;
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
            OidcSecurityContext oidc = principal.getOidcSecurityContext();
            idToken = oidc == null ? null : oidc.getIDTokenString();
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String home = baseUrl(request) + "/";
        if (idToken == null) {
            response.sendRedirect(home);
            return;
        }
        String providerUrl =
                ConfigProvider.getConfig().getValue("kihub.oidc.provider-url", String.class);
        response.sendRedirect(
                providerUrl
                        + "/protocol/openid-connect/logout?id_token_hint="
                        + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
                        + "&post_logout_redirect_uri="
                        + URLEncoder.encode(home, StandardCharsets.UTF_8));
    }

    private static String baseUrl(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length())
                + request.getContextPath();
    }
}
