package de.kihub.portal.web;

import de.kihub.registry.Slugs;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.CatalogVocabulary;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.ModelCreate;
import de.kihub.registry.model.Visibility;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The researchers' "new model" form: its fields as typed, and per field the message key of what is
 * wrong, so the page can show each error beside its field. The checks are the registry's own
 * ({@link Slugs}, {@link CatalogVocabulary}); the registry checks everything again on create.
 */
record ModelForm(Map<String, String> values, Map<String, String> errors) {
    /** The form's fields in page order. */
    static final List<String> FIELDS =
            List.of(
                    "name",
                    "displayNameDe",
                    "displayNameEn",
                    "descriptionDe",
                    "descriptionEn",
                    "task",
                    "domain",
                    "license",
                    "riskClass",
                    "maturity",
                    "tags",
                    "visibility");

    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_DESCRIPTION = 5000;

    /** An empty form with the defaults. */
    static ModelForm empty() {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        values.put("license", "MIT");
        values.put("visibility", Visibility.PRIVATE.name());
        return new ModelForm(values, Map.of());
    }

    /** The form as posted ({@code parameter} gives a request parameter or null), checked. */
    static ModelForm read(Function<String, String> parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = parameter.apply(f);
            values.put(f, v == null ? "" : v.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, "name", () -> Slugs.require(values.get("name"), "model name"));
        required(errors, values, "displayNameDe", MAX_DISPLAY_NAME);
        required(errors, values, "displayNameEn", MAX_DISPLAY_NAME);
        if (values.get("descriptionDe").length() > MAX_DESCRIPTION) {
            errors.put("descriptionDe", "research.error.tooLong");
        }
        if (values.get("descriptionEn").length() > MAX_DESCRIPTION) {
            errors.put("descriptionEn", "research.error.tooLong");
        }
        check(errors, "task", () -> CatalogVocabulary.task(values.get("task")));
        check(errors, "domain", () -> CatalogVocabulary.domain(values.get("domain")));
        check(errors, "license", () -> CatalogVocabulary.license(values.get("license")));
        if (!values.get("riskClass").isEmpty()) {
            check(errors, "riskClass", () -> CatalogVocabulary.riskClass(values.get("riskClass")));
        }
        if (!values.get("maturity").isEmpty()) {
            check(errors, "maturity", () -> CatalogVocabulary.maturity(values.get("maturity")));
        }
        check(errors, "tags", () -> CatalogVocabulary.tags(tags(values.get("tags"))));
        if (!List.of("PRIVATE", "PUBLIC").contains(values.get("visibility"))) {
            errors.put("visibility", "research.error.visibility");
        }
        return new ModelForm(values, errors);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** What the registry gets; only for a valid form. */
    ModelCreate create() {
        return new ModelCreate(
                values.get("name"),
                new LocalizedText(values.get("displayNameDe"), values.get("displayNameEn")),
                values.get("descriptionDe").isEmpty() && values.get("descriptionEn").isEmpty()
                        ? null
                        : new LocalizedText(
                                blankToNull(values.get("descriptionDe")),
                                blankToNull(values.get("descriptionEn"))),
                values.get("task"),
                values.get("domain"),
                values.get("license"),
                blankToNull(values.get("riskClass")),
                blankToNull(values.get("maturity")),
                tags(values.get("tags")),
                Visibility.valueOf(values.get("visibility")),
                null);
    }

    /** The form with one more error, e.g. the registry's "exists already" on the name. */
    ModelForm withError(String field, String key) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(field, key);
        return new ModelForm(values, more);
    }

    static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static void required(
            Map<String, String> errors, Map<String, String> values, String field, int max) {
        String v = values.get(field);
        if (v.isEmpty()) {
            errors.put(field, "research.error.required");
        } else if (v.length() > max) {
            errors.put(field, "research.error.tooLong");
        }
    }

    private static void check(Map<String, String> errors, String field, Runnable check) {
        try {
            check.run();
        } catch (InvalidRequestException e) {
            errors.put(field, "research.error." + field);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
