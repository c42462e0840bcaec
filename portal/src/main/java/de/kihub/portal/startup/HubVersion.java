package de.kihub.portal.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The hub's version, written into {@code kihub.properties} by the build. */
public final class HubVersion {
    private static final String VERSION = load();

    private HubVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = HubVersion.class.getResourceAsStream("/kihub.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("kihub.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
