package de.kihub.registry.model;

import de.kihub.registry.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The controlled vocabulary of the catalog: tasks, domains (Handlungsfelder), licence ids and tags.
 * Fixed lists keep facets meaningful across municipalities.
 */
public final class CatalogVocabulary {
    public static final List<String> TASKS =
            List.of(
                    "people-counting",
                    "object-detection",
                    "image-classification",
                    "image-segmentation",
                    "text-classification",
                    "speech-recognition",
                    "time-series-forecasting");

    public static final List<String> DOMAINS =
            List.of(
                    "Mobilität",
                    "Sicherheit & Ordnung",
                    "Verwaltung",
                    "Umwelt",
                    "Bildung",
                    "Gesundheit & Soziales",
                    "Stadtentwicklung & Bauen",
                    "Energie",
                    "Kultur & Tourismus",
                    "Wirtschaft");

    static final int MAX_TAGS = 20;
    private static final Pattern SPDX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]{0,99}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,59}");

    private CatalogVocabulary() {}

    public static String task(String task) {
        if (!TASKS.contains(task)) {
            throw new InvalidRequestException(
                    "Unknown task '" + task + "'; use one of " + String.join(", ", TASKS) + ".");
        }
        return task;
    }

    public static String domain(String domain) {
        if (!DOMAINS.contains(domain)) {
            throw new InvalidRequestException(
                    "Unknown domain '"
                            + domain
                            + "'; use one of "
                            + String.join(", ", DOMAINS)
                            + ".");
        }
        return domain;
    }

    /** An SPDX licence identifier or expression id such as MIT, Apache-2.0, CC-BY-4.0. */
    public static String license(String license) {
        if (license == null || !SPDX.matcher(license).matches()) {
            throw new InvalidRequestException(
                    "Invalid licence '"
                            + license
                            + "': give an SPDX identifier such as MIT or Apache-2.0.");
        }
        return license;
    }

    public static RiskClass riskClass(String value) {
        return oneOf(RiskClass.class, "riskClass", value);
    }

    public static Maturity maturity(String value) {
        return oneOf(Maturity.class, "maturity", value);
    }

    /** A value of a fixed list (case-insensitive), or InvalidRequestException naming the list. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (value != null && constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new InvalidRequestException(
                "Unknown "
                        + field
                        + " '"
                        + value
                        + "'; use one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(Enum::name)
                                .collect(Collectors.joining(", "))
                        + ".");
    }

    /** Tags are trimmed, lower-cased, de-duplicated; at most 20 of at most 60 characters. */
    public static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw new InvalidRequestException(
                        "Invalid tag '"
                                + tag
                                + "': letters, digits, spaces and hyphens, at most 60.");
            }
            clean.add(t);
        }
        if (clean.size() > MAX_TAGS) {
            throw new InvalidRequestException("At most " + MAX_TAGS + " tags.");
        }
        return new ArrayList<>(clean);
    }
}
