package de.kihub.services.documentation;

import de.kihub.registry.card.CardLanguage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The generated part of a card's quantitative analyses: per dataset a Markdown table of the hub's
 * results, headed by a note that says it was generated. It is shown with the authors' text, never
 * stored in its place.
 */
public final class QuantitativeAnalyses {
    static final String NOTE_DE =
            "Automatisch erzeugt aus den Evaluationen des KI-Hub, nicht von den Autorinnen und"
                    + " Autoren geschrieben: je Datensatz und Einstellung die neueste erfolgreiche"
                    + " Evaluation dieser Version auf dem aktuellen Inhalt des Datensatzes, soweit"
                    + " Sie sie sehen dürfen.";
    static final String NOTE_EN =
            "Generated automatically from the hub's evaluations, not written by the authors: per"
                    + " dataset and setting the latest succeeded evaluation of this version on the"
                    + " dataset's current content that you may see.";

    /** Settings longer than this are cut in the table (the API has them in full). */
    static final int MAX_SETTINGS = 160;

    private static final Map<String, String[]> METRIC_NAMES = new LinkedHashMap<>();

    static {
        METRIC_NAMES.put("mae", new String[] {"MAE", "MAE"});
        METRIC_NAMES.put("rmse", new String[] {"RMSE", "RMSE"});
        METRIC_NAMES.put("meanBias", new String[] {"Mittlere Abweichung", "Mean bias"});
        METRIC_NAMES.put("mape", new String[] {"MAPE (%)", "MAPE (%)"});
        METRIC_NAMES.put("precision", new String[] {"Präzision", "Precision"});
        METRIC_NAMES.put("recall", new String[] {"Trefferquote", "Recall"});
        METRIC_NAMES.put("ap50", new String[] {"AP@0.5", "AP@0.5"});
        METRIC_NAMES.put("crossingMae", new String[] {"MAE Überquerungen", "Crossing MAE"});
        METRIC_NAMES.put("accuracy", new String[] {"Genauigkeit", "Accuracy"});
        METRIC_NAMES.put("macroF1", new String[] {"Makro-F1", "Macro-F1"});
    }

    private QuantitativeAnalyses() {}

    /** The note that marks the generated part, in {@code language}. */
    public static String note(String language) {
        return de(language) ? NOTE_DE : NOTE_EN;
    }

    /** The heading of the generated part. */
    public static String title(String language) {
        return de(language)
                ? "Ergebnisse der Evaluationen im KI-Hub (automatisch erzeugt)"
                : "Results of the hub's evaluations (generated)";
    }

    /** The note and one table per dataset; null when there are no results. */
    public static String markdown(List<EvaluatedResult> results, String language) {
        if (results.isEmpty()) {
            return null;
        }
        boolean de = de(language);
        StringBuilder md = new StringBuilder();
        md.append('_').append(MarkdownText.escape(note(language))).append("_\n");
        Map<String, List<EvaluatedResult>> byDataset = new LinkedHashMap<>();
        results.forEach(r -> byDataset.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r));
        byDataset.forEach(
                (dataset, rows) -> {
                    EvaluatedResult first = rows.get(0);
                    md.append("\n**")
                            .append(MarkdownText.escape(first.datasetName()))
                            .append("** (")
                            .append(MarkdownText.escape(dataset))
                            .append(", ")
                            .append(MarkdownText.escape(first.task()))
                            .append(")\n\n");
                    Set<String> metrics = new LinkedHashSet<>();
                    METRIC_NAMES.keySet().stream()
                            .filter(m -> rows.stream().anyMatch(r -> r.metrics().containsKey(m)))
                            .forEach(metrics::add);
                    md.append("| ").append(de ? "Einstellungen" : "Settings");
                    metrics.forEach(m -> md.append(" | ").append(metricName(m, language)));
                    md.append(" | ")
                            .append(de ? "Evaluiert" : "Evaluated")
                            .append(" | ")
                            .append(de ? "Sichtbar für" : "Visible to")
                            .append(" |\n|---");
                    metrics.forEach(m -> md.append("|--:"));
                    md.append("|---|---|\n");
                    for (EvaluatedResult r : rows) {
                        md.append("| ").append(MarkdownText.escape(settings(r.configuration())));
                        for (String m : metrics) {
                            Double v = r.metrics().get(m);
                            md.append(" | ").append(v == null ? "–" : number(v, language));
                        }
                        md.append(" | ")
                                .append(
                                        r.evaluatedAt() == null
                                                ? "–"
                                                : r.evaluatedAt()
                                                        .atZone(ZoneOffset.UTC)
                                                        .toLocalDate())
                                .append(" | ")
                                .append(audience(r.visibility(), language))
                                .append(" |\n");
                    }
                });
        return md.toString();
    }

    /** The metric's name for readers. */
    public static String metricName(String key, String language) {
        String[] names = METRIC_NAMES.get(key);
        return names == null ? key : names[de(language) ? 0 : 1];
    }

    /** The settings as {@code key value, key value}, without content hashes, cut when long. */
    static String settings(JsonObject configuration) {
        if (configuration == null || configuration.isEmpty()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        configuration.forEach(
                (key, value) -> {
                    if (!key.toLowerCase(Locale.ROOT).endsWith("sha256")) {
                        parts.add(key + " " + value(value));
                    }
                });
        String text = String.join(", ", parts);
        return text.length() <= MAX_SETTINGS ? text : text.substring(0, MAX_SETTINGS - 1) + "…";
    }

    /** A number with up to three decimals, in the language's notation. */
    static String number(double value, String language) {
        DecimalFormat format =
                new DecimalFormat(
                        "0.000",
                        DecimalFormatSymbols.getInstance(
                                de(language) ? Locale.GERMANY : Locale.UK));
        return format.format(value);
    }

    /** A number for machines: at most six significant digits, no exponent. */
    static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String value(JsonValue value) {
        return switch (value) {
            case JsonString s -> s.getString();
            case JsonNumber n -> plain(n.doubleValue());
            default -> value.toString();
        };
    }

    private static String audience(String visibility, String language) {
        boolean de = de(language);
        return switch (visibility) {
            case "public" -> de ? "alle" : "everybody";
            case "shared" -> de ? "alle (geteilt)" : "everybody (shared)";
            default -> de ? "nur der ausführende Mandant" : "only the tenant that ran it";
        };
    }

    private static boolean de(String language) {
        return CardLanguage.DE.equals(CardLanguage.of(language));
    }
}
