package de.kihub.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders Thymeleaf templates from {@code WEB-INF/templates}. Thymeleaf escapes every {@code
 * th:text} value, so nothing a user typed reaches a page as markup. Messages come from {@code
 * WEB-INF/templates/<name>_<lang>.properties} and the shared {@code messages_<lang>.properties}.
 * Pages share {@code layout.html} (head, header with navigation, footer) and {@code search.html}
 * (the catalog search form).
 */
@ApplicationScoped
public class PageRenderer {
    /** The page shown for errors: a status, a reason and, for server errors, an error id. */
    static final String ERROR_TEMPLATE = "error";

    /** The security headers of every page, also of pages the API serves (record exports). */
    public static final Map<String, String> HEADERS =
            Map.of(
                    "Cache-Control", "no-store",
                    "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; object-src 'none';"
                                    + " base-uri 'self'; frame-ancestors 'none'",
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "same-origin");

    private volatile JakartaServletWebApplication application;
    private volatile TemplateEngine engine;

    void render(
            String template,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        init(request.getServletContext());
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", page.locale().getLanguage());
        HEADERS.forEach(response::setHeader);
        WebContext context =
                new WebContext(
                        application.buildExchange(request, response), page.locale(), page.values());
        engine.process(template, context, response.getWriter());
    }

    /** A page without the shared layout (the transparency pages), from a plain model. */
    void render(
            String template,
            Map<String, Object> model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        init(request.getServletContext());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        HEADERS.forEach(response::setHeader);
        engine.process(
                template,
                new WebContext(application.buildExchange(request, response), locale, model),
                response.getWriter());
    }

    /** The page as text, for a JAX-RS resource that sends it itself (with {@link #HEADERS}). */
    public String renderToString(
            String template,
            Map<String, Object> model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        init(request.getServletContext());
        return engine.process(
                template,
                new WebContext(application.buildExchange(request, response), locale, model));
    }

    /**
     * A friendly error page instead of a stack trace: {@code reason} is a message key of the error
     * template ({@code error.notFound}, ...).
     */
    void renderError(
            PageModel page,
            int status,
            String reason,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        page.status(status).put("status", status).put("reason", reason);
        render(ERROR_TEMPLATE, page, request, response);
    }

    private synchronized void init(ServletContext servletContext) {
        if (engine != null) {
            return;
        }
        application = JakartaServletWebApplication.buildApplication(servletContext);
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine templateEngine = new TemplateEngine();
        templateEngine.setTemplateResolver(resolver);
        templateEngine.setMessageResolver(new SharedMessageResolver());
        engine = templateEngine;
    }
}
