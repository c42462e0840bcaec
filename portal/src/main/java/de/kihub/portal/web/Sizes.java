package de.kihub.portal.web;

import java.util.Locale;

/** File sizes for readers: bytes below 1 KiB, else KiB/MiB/GiB with one decimal in the locale. */
final class Sizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private Sizes() {}

    static String text(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(locale, "%.1f %s", value, UNITS[unit]);
    }
}
