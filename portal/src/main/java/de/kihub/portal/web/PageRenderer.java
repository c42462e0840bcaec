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
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        WebContext context =
                new WebContext(application.buildExchange(request, response), locale, model);
        engine.process(template, context, response.getWriter());
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
