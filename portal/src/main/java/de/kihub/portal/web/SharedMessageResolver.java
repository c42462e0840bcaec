package de.kihub.portal.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * Thymeleaf's per-template messages ({@code catalog_de.properties} for {@code catalog.html}) plus
 * the messages every page shares ({@code messages_de.properties}: layout, search form, labels of
 * the catalog vocabulary). A template's own message wins over a shared one of the same key.
 */
final class SharedMessageResolver extends StandardMessageResolver {
    static final String SHARED = "messages";

    @Override
    protected Map<String, String> resolveMessagesForTemplate(
            String template, ITemplateResource templateResource, Locale locale) {
        Map<String, String> messages =
                new HashMap<>(
                        super.resolveMessagesForTemplate(
                                SHARED, templateResource.relative(SHARED + ".html"), locale));
        messages.putAll(super.resolveMessagesForTemplate(template, templateResource, locale));
        return messages;
    }
}
