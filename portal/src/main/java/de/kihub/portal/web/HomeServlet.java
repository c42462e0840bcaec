package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.portal.security.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The home page at {@code /}: what the hub is, and sign-in or the signed-in user. */
@WebServlet("")
public class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Locale locale = Language.resolve(request, response);
        Caller caller = context.caller();
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("otherLang", Language.ENGLISH.equals(locale) ? "de" : "en");
        model.put("caller", caller);
        model.put("tenant", caller.optTenant().map(Object::toString).orElse(null));
        model.put("roles", String.join(", ", caller.roles().stream().sorted().toList()));
        pages.render("home", model, locale, request, response);
    }
}
