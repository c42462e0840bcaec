package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values of one page: first what the shared layout needs (language and the switch to the other
 * one that keeps the current address, the caller, where signing in returns to, the navigation
 * section), then what the page itself adds. A servlet starts one per request, puts its values and
 * hands it to {@link PageRenderer}.
 *
 * <p>Names every template may use: {@code lang}, {@code otherLang}, {@code languageSwitchUrl},
 * {@code caller}, {@code tenant}, {@code roles}, {@code loginUrl}, {@code section}, and for a
 * signed-in caller {@code csrfToken} (forms include it with {@code layout :: csrf}, see {@link
 * Csrf}).
 */
public final class PageModel {
    private final Locale locale;
    private final Map<String, Object> values = new HashMap<>();
    private int status = HttpServletResponse.SC_OK;

    private PageModel(Locale locale) {
        this.locale = locale;
    }

    /** The model of the page the request addresses. */
    static PageModel start(
            HttpServletRequest request, HttpServletResponse response, Caller caller) {
        return start(request, response, caller, request.getRequestURI(), request.getQueryString());
    }

    /**
     * The model of a page shown for another address ({@code path} with its raw {@code query}), as
     * the error page does for the request that failed.
     */
    static PageModel start(
            HttpServletRequest request,
            HttpServletResponse response,
            Caller caller,
            String path,
            String query) {
        PageModel page =
                start(
                        Language.resolve(request, response),
                        request.getContextPath(),
                        caller,
                        path,
                        query);
        if (caller.authenticated()) {
            page.put("csrfToken", Csrf.token(request));
        }
        return page;
    }

    /** The model for a page at {@code path} (with its raw {@code query}) in {@code locale}. */
    static PageModel start(
            Locale locale, String contextPath, Caller caller, String path, String query) {
        PageModel page = new PageModel(locale);
        String other = Language.ENGLISH.equals(locale) ? "de" : "en";
        QueryParameters parameters = QueryParameters.parse(query).without(Language.PARAM);
        page.put("lang", locale.getLanguage());
        page.put("otherLang", other);
        page.put("languageSwitchUrl", parameters.with(Language.PARAM, other).link(path));
        page.put("loginUrl", loginUrl(contextPath, path, parameters));
        page.put("caller", caller);
        page.put("tenant", caller.optTenant().map(Object::toString).orElse(null));
        page.put("roles", String.join(", ", caller.roles().stream().sorted().toList()));
        page.put("section", "");
        return page;
    }

    /** {@code /login} from the home page, else {@code /sign-in} with the page to return to. */
    static String loginUrl(String contextPath, String path, QueryParameters parameters) {
        String here = parameters.link(path);
        String home = contextPath + "/";
        if (here.equals(home) || here.isEmpty()) {
            return contextPath + LoginServlet.LOGIN;
        }
        return QueryParameters.EMPTY
                .with(LoginServlet.RETURN_PARAM, here)
                .link(contextPath + LoginServlet.SIGN_IN);
    }

    public PageModel put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The navigation entry to mark as current ({@code catalog}, ...). */
    public PageModel section(String section) {
        return put("section", section);
    }

    public PageModel status(int status) {
        this.status = status;
        return this;
    }

    public int status() {
        return status;
    }

    public Locale locale() {
        return locale;
    }

    Map<String, Object> values() {
        return values;
    }
}
