package de.kihub.registry.version;

import de.kihub.registry.error.InvalidRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (semver.org 2.0.0), ordered by precedence. */
public record SemanticVersion(int major, int minor, int patch, String preRelease, String build)
        implements Comparable<SemanticVersion> {
    private static final Pattern SEMVER =
            Pattern.compile(
                    "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
                            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
                            + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public static SemanticVersion parse(String text) {
        Matcher m = text == null || text.length() > 100 ? null : SEMVER.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidRequestException(
                    "Invalid version '"
                            + text
                            + "': use a semantic version such as 1.0.0 or 2.1.0-rc.1.");
        }
        return new SemanticVersion(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                m.group(4),
                m.group(5));
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c == 0) {
            c = comparePreRelease(preRelease, o.preRelease);
        }
        return c;
    }

    private static int comparePreRelease(String a, String b) {
        if (a == null || b == null) {
            // a release ranks above any of its pre-releases
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].chars().allMatch(Character::isDigit);
            boolean yn = y[i].chars().allMatch(Character::isDigit);
            int c =
                    xn && yn
                            ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                            : xn ? -1 : yn ? 1 : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Override
    public String toString() {
        return major
                + "."
                + minor
                + "."
                + patch
                + (preRelease == null ? "" : "-" + preRelease)
                + (build == null ? "" : "+" + build);
    }
}
