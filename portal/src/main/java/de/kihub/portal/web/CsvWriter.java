package de.kihub.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes CSV as RFC 4180 describes it: fields separated by commas, records ended by CRLF, a field
 * that holds a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled.
 * Text fields are also guarded against formula injection (OWASP "CSV Injection"): a spreadsheet
 * would run a cell that starts with {@code = + - @}, a tab or a CR as a formula, so such text gets
 * a leading {@code '}, which spreadsheets show as text. Numbers are written as they are (a negative
 * number stays a number). Not thread-safe.
 */
public final class CsvWriter {
    private final Writer out;
    private boolean lineStarted;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** A text field, quoted when needed and guarded against formula injection. */
    public CsvWriter text(String value) {
        return field(quote(guard(value == null ? "" : value)));
    }

    /** A whole number. */
    public CsvWriter number(long value) {
        return field(Long.toString(value));
    }

    /** A decimal number with a point and up to three decimals ({@code 2.5}, {@code 12.345}). */
    public CsvWriter number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return field(Long.toString((long) value));
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return field(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
    }

    /** Ends the current record. */
    public CsvWriter endRow() {
        write("\r\n");
        lineStarted = false;
        return this;
    }

    /** Text with a leading {@code '} if a spreadsheet would read it as a formula. */
    static String guard(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '='
                        || first == '+'
                        || first == '-'
                        || first == '@'
                        || first == '\t'
                        || first == '\r'
                ? "'" + value
                : value;
    }

    /** The field as RFC 4180 wants it: in quotes, with quotes doubled, when it needs them. */
    static String quote(String value) {
        if (value.indexOf(',') < 0
                && value.indexOf('"') < 0
                && value.indexOf('\r') < 0
                && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private CsvWriter field(String text) {
        if (lineStarted) {
            write(",");
        }
        write(text);
        lineStarted = true;
        return this;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
