package de.kihub.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field errors of a submitted form, shown next to each field (the field's input names the
 * message with {@code aria-describedby}). An error is either a message key of the page ({@code
 * key}) or a text the service gave ({@code text}, usually naming the field in quotes).
 */
public final class FormErrors {
    /** The key under which an error that belongs to no field is kept. */
    public static final String GENERAL = "_form";

    /** One error: a message key with an argument, or a ready text. */
    public record Error(String key, String argument, String text) {}

    private static final Pattern QUOTED_FIELD = Pattern.compile("'([A-Za-z]+)[\\[.']");

    private final Map<String, Error> errors = new LinkedHashMap<>();

    public FormErrors key(String field, String key, String argument) {
        errors.putIfAbsent(field, new Error(key, argument, null));
        return this;
    }

    public FormErrors text(String field, String text) {
        errors.putIfAbsent(field, new Error(null, null, text));
        return this;
    }

    /**
     * Places a service's message at the first field it names in quotes ({@code 'website' must
     * be...}) if that is one of {@code fields}, else at the top of the form.
     */
    public FormErrors service(String message, Set<String> fields) {
        Matcher m = QUOTED_FIELD.matcher(message == null ? "" : message);
        while (m.find()) {
            if (fields.contains(m.group(1))) {
                return text(m.group(1), message);
            }
        }
        return text(GENERAL, message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** The errors by field, for the templates ({@code errors.get('name')}). */
    public Map<String, Error> map() {
        return errors;
    }
}
