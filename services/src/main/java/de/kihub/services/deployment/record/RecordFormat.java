package de.kihub.services.deployment.record;

import de.kihub.registry.error.InvalidRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The export formats of {@code GET .../record?format=}. */
public enum RecordFormat {
    ALGORITMEREGISTER("algoritmeregister", "application/json"),
    ATRS("atrs", "application/json"),
    AI_ACT_ANNEX_VIII("ai-act-annex-viii", "application/json"),
    MODEL_CARD("model-card", "text/markdown"),
    HTML("html", "text/html");

    private final String key;
    private final String mediaType;

    RecordFormat(String key, String mediaType) {
        this.key = key;
        this.mediaType = mediaType;
    }

    public String key() {
        return key;
    }

    public String mediaType() {
        return mediaType;
    }

    public static RecordFormat parse(String text) {
        return Arrays.stream(values())
                .filter(f -> f.key.equals(text))
                .findFirst()
                .orElseThrow(
                        () ->
                                new InvalidRequestException(
                                        "Unknown format '"
                                                + text
                                                + "'; use one of "
                                                + Arrays.stream(values())
                                                        .map(RecordFormat::key)
                                                        .collect(Collectors.joining(", "))
                                                + "."));
    }
}
