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
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders Thymeleaf templates from {@code WEB-INF/templates}. Thymeleaf escapes every {@code
 * th:text} value, so nothing a user typed reaches a page as markup. Messages come from {@code
 * WEB-INF/templates/<name>_<lang>.properties}.
 */
@ApplicationScoped
public class PageRenderer {
    /** The security headers of every page, also of pages the API serves (record exports). */
    public static final Map<String, String> HEADERS =
            Map.of(
                    "Cache-Control", "no-store",
                    "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; object-src 'none';"
                                    + " frame-ancestors 'none'",
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "same-origin");

    private volatile JakartaServletWebApplication application;
    private volatile TemplateEngine engine;

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
        WebContext context =
                new WebContext(application.buildExchange(request, response), locale, model);
        engine.process(template, context, response.getWriter());
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
        templateEngine.setMessageResolver(new StandardMessageResolver());
        engine = templateEngine;
    }
}
