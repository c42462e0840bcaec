package de.kihub.services.datasets;

import de.kihub.registry.artifact.ArchiveLimits;
import de.kihub.registry.artifact.SafeZip;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A dataset's zip, read through {@link SafeZip} (never unpacked). Files that operating systems add
 * by themselves ({@code __MACOSX/}, {@code .DS_Store}, {@code Thumbs.db}, anything in or named with
 * a leading dot) are left out, so they are neither required nor refused.
 */
final class DatasetArchive implements Closeable {
    private static final Set<String> IMAGE_SUFFIXES = Set.of(".jpg", ".jpeg", ".png");
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");
    private static final int MAX_ECHO = 120;

    private final SafeZip zip;
    private final List<String> files;

    private DatasetArchive(SafeZip zip) {
        this.zip = zip;
        this.files = zip.files().stream().filter(name -> !isSystemFile(name)).toList();
    }

    static DatasetArchive open(Path file, ArchiveLimits limits) throws IOException {
        return new DatasetArchive(SafeZip.open(file, limits));
    }

    /** The dataset's file entries in archive order, system files left out. */
    List<String> files() {
        return files;
    }

    boolean has(String name) {
        return zip.isFile(name) && !isSystemFile(name);
    }

    InputStream open(String name) throws IOException {
        return zip.open(name);
    }

    byte[] read(String name) throws IOException {
        return zip.read(name);
    }

    /**
     * Calls {@code handler} with each line of a UTF-8 text entry and its 1-based number; a byte
     * order mark is dropped.
     */
    void lines(String name, LineHandler handler) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                open(name),
                                StandardCharsets.UTF_8
                                        .newDecoder()
                                        .onMalformedInput(CodingErrorAction.REPORT)
                                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            int number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                handler.line(number, number == 1 ? line.replaceFirst("^\uFEFF", "") : line);
            }
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException("'" + name + "' is not UTF-8 text.");
        }
    }

    /** Receives one line of a text entry. */
    @FunctionalInterface
    interface LineHandler {
        void line(int number, String text);
    }

    /**
     * The one top-level folder that holds every file (as zipping a folder makes), with its slash;
     * empty when files lie at the top or in several folders.
     */
    String commonFolder() {
        String folder = null;
        for (String name : files) {
            int slash = name.indexOf('/');
            if (slash < 0) {
                return "";
            }
            String top = name.substring(0, slash + 1);
            if (folder != null && !folder.equals(top)) {
                return "";
            }
            folder = top;
        }
        return folder == null ? "" : folder;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    static boolean isSystemFile(String name) {
        for (String segment : name.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return SYSTEM_FILES.contains(fileName(name).toLowerCase(Locale.ROOT));
    }

    /** The last path segment of an entry name. */
    static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Text from an upload for a message: quoted, bounded, control characters escaped. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder("'");
        String shown = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "..." : text;
        shown.codePoints()
                .forEach(
                        c -> {
                            if (Character.isISOControl(c)) {
                                s.append(String.format(Locale.ROOT, "\\u%04x", c));
                            } else {
                                s.appendCodePoint(c);
                            }
                        });
        return s.append('\'').toString();
    }
}
