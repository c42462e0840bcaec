package de.kihub.portal.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * Thymeleaf's per-template messages ({@code catalog_de.properties} for {@code catalog.html}) plus
 * the messages every page shares ({@code messages_de.properties}: layout, search form, labels of
 * the catalog vocabulary). The deployment pages ({@code deployment-*.html}, {@code signoffs.html})
 * also see the messages of the deployments list and of the printed record. A template's own message
 * wins over a shared one of the same key.
 */
final class SharedMessageResolver extends StandardMessageResolver {
    static final String SHARED = "messages";
    static final String DEPLOYMENTS = "deployments";
    static final String RECORD = "record";
    static final String DEPLOYMENT_PAGES = "deployment-";

    @Override
    protected Map<String, String> resolveMessagesForTemplate(
            String template, ITemplateResource templateResource, Locale locale) {
        Map<String, String> messages =
                new HashMap<>(
                        super.resolveMessagesForTemplate(
                                SHARED, templateResource.relative(SHARED + ".html"), locale));
        if (template.startsWith(DEPLOYMENT_PAGES) || template.equals("signoffs")) {
            // the municipality's deployment pages share the vocabulary of the deployments list
            // and of the printed record (sections, risk classes)
            messages.putAll(
                    super.resolveMessagesForTemplate(
                            RECORD, templateResource.relative(RECORD + ".html"), locale));
            messages.putAll(
                    super.resolveMessagesForTemplate(
                            DEPLOYMENTS, templateResource.relative(DEPLOYMENTS + ".html"), locale));
        }
        messages.putAll(super.resolveMessagesForTemplate(template, templateResource, locale));
        return messages;
    }
}
