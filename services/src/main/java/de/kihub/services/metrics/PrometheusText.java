package de.kihub.services.metrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * Writes metrics in the Prometheus text exposition format 0.0.4. Samples are grouped by metric, so
 * sources may write in any order and each metric still gets its HELP and TYPE lines once, followed
 * by all of its samples, as the format requires.
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, Family> families = new LinkedHashMap<>();

    private record Family(String type, String help, StringBuilder samples) {}

    /** Labels in the order given: {@code labels("tenant", "bochum", "deployment", id)}. */
    public static SequencedMap<String, String> labels(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        SequencedMap<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }

    /** A value that can go up and down. */
    public PrometheusText gauge(String name, String help, Map<String, String> labels, double v) {
        sample(family(name, "gauge", help), name, labels, null, v);
        return this;
    }

    /** A value that only goes up (until a restart); {@code _total} is appended if missing. */
    public PrometheusText counter(String name, String help, Map<String, String> labels, double v) {
        String total = name.endsWith("_total") ? name : name + "_total";
        sample(family(total, "counter", help), total, labels, null, v);
        return this;
    }

    /**
     * A histogram from per-bucket counts: {@code counts[i]} observations in (bound i-1, bound i],
     * and one more count than bounds, for the observations above the highest. Written as cumulative
     * {@code _bucket} samples up to {@code le="+Inf"}, then {@code _sum} and {@code _count}.
     */
    public PrometheusText histogram(
            String name,
            String help,
            Map<String, String> labels,
            double[] upperBounds,
            long[] counts,
            double sum) {
        if (counts.length != upperBounds.length + 1) {
            throw new IllegalArgumentException("need one count more than upper bounds");
        }
        if (labels.containsKey("le")) {
            throw new IllegalArgumentException("'le' is the histogram's own label");
        }
        StringBuilder out = family(name, "histogram", help);
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i > 0 && i < upperBounds.length && !(upperBounds[i] > upperBounds[i - 1])) {
                throw new IllegalArgumentException("upper bounds must increase");
            }
            cumulative += counts[i];
            String le = i < upperBounds.length ? number(upperBounds[i]) : "+Inf";
            sample(out, name + "_bucket", labels, le, cumulative);
        }
        sample(out, name + "_sum", labels, null, sum);
        sample(out, name + "_count", labels, null, cumulative);
        return this;
    }

    /** The exposition text: every metric's HELP and TYPE lines followed by its samples. */
    public String text() {
        StringBuilder text = new StringBuilder();
        families.forEach(
                (name, f) -> {
                    text.append("# HELP ").append(name).append(' ');
                    text.append(escapeHelp(f.help())).append('\n');
                    text.append("# TYPE ").append(name).append(' ').append(f.type()).append('\n');
                    text.append(f.samples());
                });
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private StringBuilder family(String name, String type, String help) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name: " + name);
        }
        Family f = families.computeIfAbsent(name, n -> new Family(type, help, new StringBuilder()));
        if (!f.type().equals(type)) {
            throw new IllegalArgumentException(name + " is a " + f.type() + ", not a " + type);
        }
        return f.samples();
    }

    private static void sample(
            StringBuilder out, String name, Map<String, String> labels, String le, double value) {
        out.append(name);
        if (!labels.isEmpty() || le != null) {
            char separator = '{';
            for (Map.Entry<String, String> label : labels.entrySet()) {
                String labelName = label.getKey();
                if (!LABEL_NAME.matcher(labelName).matches() || labelName.startsWith("__")) {
                    throw new IllegalArgumentException("invalid label name: " + labelName);
                }
                out.append(separator).append(labelName).append("=\"");
                out.append(escapeLabelValue(label.getValue())).append('"');
                separator = ',';
            }
            if (le != null) {
                out.append(separator).append("le=\"").append(le).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) < 1e-3) {
            // Double.toString writes 0.0005 as 5.0E-4: valid, but hard to read or grep in a bucket
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value);
    }

    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
