package de.kihub.services.inspection;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that a model file loads with DJL by running {@link ModelProbe} in a child JVM with a heap
 * limit and a deadline, so a broken or malicious model can at worst kill that child.
 */
public final class ModelLoadCheck {
    private static final Logger LOG = Logger.getLogger(ModelLoadCheck.class.getName());
    private static final String PROBE_CLASS = "de.kihub.services.inspection.ModelProbe";
    private static final int STDOUT_LIMIT = 1024 * 1024;
    private static final int STDERR_LIMIT = 64 * 1024;

    /** How long to wait for pipes to drain and a killed child to be reaped. */
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(5);

    private static final Path DJL_MODULE = Path.of("modules", "ai", "djl", "main");
    private static final Path SLF4J_MODULE =
            Path.of("modules", "system", "layers", "base", "org", "slf4j", "main");

    private final Path javaExecutable;
    private final List<Path> classpath;
    private final Duration timeout;
    private final Path workDir;
    private final long maxHeapMb;
    private boolean probeCopied;

    public ModelLoadCheck(
            Path javaExecutable,
            List<Path> classpath,
            Duration timeout,
            Path workDir,
            long maxHeapMb) {
        this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
        this.classpath = List.copyOf(classpath);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.workDir = workDir.toAbsolutePath();
        this.maxHeapMb = maxHeapMb;
        if (timeout.isNegative() || timeout.isZero() || maxHeapMb <= 0) {
            throw new IllegalArgumentException("Timeout and heap limit must be positive");
        }
    }

    /**
     * The check as the provisioned server runs it: DJL and SLF4J jars from the server's JBoss
     * modules, the server's own Java, 60 s, 512 MB heap, work files under {@code
     * dataDir/inspection}.
     */
    public static ModelLoadCheck forServer(Path jbossHome, Path dataDir) {
        List<Path> classpath = new ArrayList<>(jars(jbossHome.resolve(DJL_MODULE), ""));
        classpath.addAll(jars(jbossHome.resolve(SLF4J_MODULE), "slf4j-api"));
        return new ModelLoadCheck(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                classpath,
                Duration.ofSeconds(60),
                dataDir.resolve("inspection"),
                512);
    }

    private static List<Path> jars(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "The model load check needs the directory " + dir + ", which does not exist");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars =
                    files.filter(f -> f.getFileName().toString().startsWith(prefix))
                            .filter(f -> f.getFileName().toString().endsWith(".jar"))
                            .sorted()
                            .toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException(
                        "The model load check found no " + prefix + "*.jar in " + dir);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
    }

    /**
     * Loads {@code modelFile} with the DJL engine {@code engine} ("OnnxRuntime" or "PyTorch") in a
     * child JVM and describes its inputs and outputs.
     *
     * @throws ModelLoadException if the model does not load, the child dies, or time runs out
     */
    public ModelLoadReport check(Path modelFile, String engine) {
        if (!ModelProbe.ONNX_RUNTIME.equals(engine) && !ModelProbe.PYTORCH.equals(engine)) {
            throw new IllegalArgumentException(
                    "Unknown engine " + engine + "; expected OnnxRuntime or PyTorch");
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("No model file at " + modelFile);
        }
        Path run = newRunDirectory();
        try {
            return runProbe(modelFile.toAbsolutePath(), engine, run);
        } finally {
            deleteRecursively(run);
        }
    }

    List<Path> classpath() {
        return classpath;
    }

    private ModelLoadReport runProbe(Path modelFile, String engine, Path run) {
        Process process;
        try {
            process = command(modelFile, engine, run).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + javaExecutable, e);
        }
        try {
            closeQuietly(process);
            StreamTail stdout =
                    StreamTail.drainInBackground(
                            process.getInputStream(), STDOUT_LIMIT, "model-probe-out");
            StreamTail stderr =
                    StreamTail.drainInBackground(
                            process.getErrorStream(), STDERR_LIMIT, "model-probe-err");
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                LOG.info("Model check of " + modelFile + " timed out after " + describe(timeout));
                throw new ModelLoadException(
                        "Loading the model took longer than "
                                + describe(timeout)
                                + " and was stopped.");
            }
            String errors = stderr.await(CLEANUP_WAIT);
            LOG.fine(() -> "Model check of " + modelFile + " wrote to stderr:\n" + errors);
            return ProbeOutput.interpret(
                    engine, process.exitValue(), stdout.await(CLEANUP_WAIT), errors);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking " + modelFile, e);
        } finally {
            kill(process);
        }
    }

    private ProcessBuilder command(Path modelFile, String engine, Path run) throws IOException {
        Path tmp = Files.createDirectories(run.resolve("tmp"));
        List<String> command =
                List.of(
                        javaExecutable.toString(),
                        "-Xmx" + maxHeapMb + "m",
                        "-XX:+UseSerialGC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:-CreateCoredumpOnCrash",
                        "--enable-native-access=ALL-UNNAMED",
                        "-Djava.io.tmpdir=" + tmp,
                        "-Djna.tmpdir=" + tmp,
                        "-Dai.djl.offline=true",
                        "-DOPT_OUT_TRACKING=true",
                        "-DDJL_CACHE_DIR=" + cacheDir("DJL_CACHE_DIR"),
                        "-DENGINE_CACHE_DIR=" + cacheDir("ENGINE_CACHE_DIR"),
                        "-cp",
                        childClasspath(),
                        PROBE_CLASS,
                        engine,
                        modelFile.toString());
        // The run directory catches crash logs and native temp files, and is deleted afterwards.
        ProcessBuilder builder = new ProcessBuilder(command).directory(run.toFile());
        // The server's environment holds database and OIDC secrets; a model must not see them.
        builder.environment().clear();
        builder.environment().put("TMPDIR", tmp.toString());
        // DJL's repository setup reads PATH and fails without it.
        builder.environment()
                .put("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"));
        return builder;
    }

    private String cacheDir(String property) {
        String configured = System.getProperty(property);
        return configured != null ? configured : workDir.resolve("djl").toString();
    }

    private String childClasspath() throws IOException {
        return Stream.concat(Stream.of(probeClasses()), classpath.stream())
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Copies the probe's class file out of the deployment once per instance, atomically. */
    private synchronized Path probeClasses() throws IOException {
        Path classes = workDir.resolve("classes");
        if (!probeCopied) {
            Path target = classes.resolve(PROBE_CLASS.replace('.', '/') + ".class");
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "ModelProbe", ".part");
            try (InputStream in = ModelProbe.class.getResourceAsStream("ModelProbe.class")) {
                if (in == null) {
                    throw new IllegalStateException("ModelProbe.class is not in the deployment");
                }
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // A child started by a concurrent check must never see a half-written class file.
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            probeCopied = true;
        }
        return classes;
    }

    private Path newRunDirectory() {
        try {
            return Files.createTempDirectory(
                    Files.createDirectories(workDir.resolve("runs")), "probe-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a work directory in " + workDir, e);
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The child never reads stdin; closing it only tells it so.
        }
    }

    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(CLEANUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the model check directory " + dir, e);
        }
    }

    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : duration.toMillis() + " ms";
    }
}
