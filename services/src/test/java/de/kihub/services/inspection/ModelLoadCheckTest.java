package de.kihub.services.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.TestOnnx;
import de.kihub.registry.artifact.TestTorchScript;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real child JVM with the real engines; the test classpath stands in for the server's. */
class ModelLoadCheckTest {
    // Shared across tests so PyTorch's native library is unpacked into target/ only once.
    private static final Path WORK = Path.of("target", "inspection-work");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final List<Path> CLASSPATH =
            Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(Path::of)
                    .toList();
    private static final ModelLoadCheck CHECK =
            new ModelLoadCheck(JAVA, CLASSPATH, Duration.ofSeconds(60), WORK, 512);

    @TempDir Path dir;

    @Test
    void describesTheInputsAndOutputsOfAValidOnnxModel() throws IOException {
        Path model = write("model.onnx", TestOnnx.identity(List.of(1L, 3L)));

        ModelLoadReport report = CHECK.check(model, "OnnxRuntime");

        assertEquals("OnnxRuntime", report.engine());
        assertEquals(List.of(new TensorSpec("x", "float32", List.of(1L, 3L))), report.inputs());
        assertEquals(List.of(new TensorSpec("y", "float32", List.of(1L, 3L))), report.outputs());
    }

    @Test
    void reportsNamedDimensionsAsDynamic() throws IOException {
        Path model = write("upload.bin", TestOnnx.identity(List.of("batch", 3L)));

        ModelLoadReport report = CHECK.check(model, "OnnxRuntime");

        assertEquals(List.of(-1L, 3L), report.inputs().get(0).shape());
    }

    @Test
    void rejectsRandomBytesWithAMessageForTheUploader() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path model = write("model.onnx", noise);

        ModelLoadException e =
                assertThrows(ModelLoadException.class, () -> CHECK.check(model, "OnnxRuntime"));

        assertTrue(
                e.getMessage().startsWith("The ONNX model could not be loaded by ONNX Runtime: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Protobuf parsing failed"), e.getMessage());
        assertTrue(!e.getMessage().contains(dir.toString()), "server paths stay hidden");
    }

    @Test
    void rejectsAGraphThatUsesAnUndefinedInput() throws IOException {
        Path model = write("model.onnx", TestOnnx.addWithMissingInput());

        ModelLoadException e =
                assertThrows(ModelLoadException.class, () -> CHECK.check(model, "OnnxRuntime"));

        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownOperator() throws IOException {
        Path model = write("model.onnx", TestOnnx.unknownOperator());

        ModelLoadException e =
                assertThrows(ModelLoadException.class, () -> CHECK.check(model, "OnnxRuntime"));

        assertTrue(e.getMessage().contains("NoSuchOperator"), e.getMessage());
    }

    @Test
    void stopsAChildThatTakesTooLongAndLeavesNoProcessBehind() throws IOException {
        Path model = write("model.onnx", TestOnnx.identity(List.of(1L, 3L)));
        ModelLoadCheck impatient =
                new ModelLoadCheck(JAVA, CLASSPATH, Duration.ofMillis(1), WORK, 512);
        long started = System.nanoTime();

        ModelLoadException e =
                assertThrows(ModelLoadException.class, () -> impatient.check(model, "OnnxRuntime"));

        assertEquals("Loading the model took longer than 1 ms and was stopped.", e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
        assertEquals(0, probeProcesses(), "no ModelProbe child may survive");
    }

    @Test
    void loadsATorchScriptModelWithPyTorch() throws IOException {
        Path model = write("add_one.pt", TestTorchScript.addOne());

        ModelLoadReport report = CHECK.check(model, "PyTorch");

        assertEquals(new ModelLoadReport("PyTorch", List.of(), List.of()), report);
    }

    @Test
    void rejectsAnOnnxFileGivenToPyTorch() throws IOException {
        Path model = write("model.pt", TestOnnx.identity(List.of(1L, 3L)));

        ModelLoadException e =
                assertThrows(ModelLoadException.class, () -> CHECK.check(model, "PyTorch"));

        assertTrue(
                e.getMessage().startsWith("The TorchScript model could not be loaded by PyTorch: "),
                e.getMessage());
    }

    @Test
    void leavesNoRunDirectoriesBehind() throws IOException {
        CHECK.check(write("model.onnx", TestOnnx.identity(List.of(1L, 3L))), "OnnxRuntime");

        try (var runs = Files.list(WORK.resolve("runs"))) {
            assertEquals(List.of(), runs.toList());
        }
    }

    @Test
    void refusesEnginesItDoesNotKnow() throws IOException {
        Path model = write("model.onnx", TestOnnx.identity(List.of(1L, 3L)));

        assertThrows(IllegalArgumentException.class, () -> CHECK.check(model, "TensorFlow"));
    }

    @Test
    void takesTheServersDjlAndSlf4jModulesAsClasspath() throws IOException {
        Path djl = Files.createDirectories(dir.resolve("modules/ai/djl/main"));
        Path slf4j =
                Files.createDirectories(dir.resolve("modules/system/layers/base/org/slf4j/main"));
        Files.writeString(djl.resolve("module.xml"), "<module/>");
        Files.writeString(djl.resolve("onnxruntime.jar"), "");
        Files.writeString(djl.resolve("api.jar"), "");
        Files.writeString(slf4j.resolve("slf4j-api-2.0.17.jar"), "");
        Files.writeString(slf4j.resolve("jcl-over-slf4j-2.0.17.jar"), "");

        ModelLoadCheck check = ModelLoadCheck.forServer(dir, dir.resolve("data"));

        assertEquals(
                List.of(
                        djl.resolve("api.jar"),
                        djl.resolve("onnxruntime.jar"),
                        slf4j.resolve("slf4j-api-2.0.17.jar")),
                check.classpath());
    }

    @Test
    void namesTheMissingModuleDirectory() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> ModelLoadCheck.forServer(dir, dir.resolve("data")));

        assertTrue(
                e.getMessage().contains(dir.resolve("modules/ai/djl/main").toString()),
                e.getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static long probeProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("ModelProbe"))
                .count();
    }
}
