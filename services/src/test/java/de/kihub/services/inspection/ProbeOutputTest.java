package de.kihub.services.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeOutputTest {

    @Test
    void readsTheResultLineEvenAfterNativeNoiseOnStdout() {
        String stdout =
                "native banner\n"
                        + "{\"ok\":true,\"engine\":\"OnnxRuntime\",\"inputs\":[{\"name\":\"x\","
                        + "\"dataType\":\"float32\",\"shape\":[-1,3]}],\"outputs\":[]}\n";

        ModelLoadReport report = ProbeOutput.interpret("OnnxRuntime", 0, stdout, "");

        assertEquals(
                new ModelLoadReport(
                        "OnnxRuntime",
                        List.of(new TensorSpec("x", "float32", List.of(-1L, 3L))),
                        List.of()),
                report);
    }

    @Test
    void passesTheEnginesProblemOnToTheUploader() {
        ModelLoadException e =
                assertThrows(
                        ModelLoadException.class,
                        () ->
                                ProbeOutput.interpret(
                                        "PyTorch",
                                        0,
                                        "{\"ok\":false,\"problem\":\"bad zip\"}",
                                        ""));

        assertEquals(
                "The TorchScript model could not be loaded by PyTorch: bad zip", e.getMessage());
    }

    @Test
    void blamesTheServerWhenTheEngineItselfCannotStart() {
        String stdout = "{\"ok\":false,\"serverFault\":true,\"problem\":\"no libonnxruntime.so\"}";

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> ProbeOutput.interpret("OnnxRuntime", 0, stdout, ""));

        assertEquals("The model load check cannot run: no libonnxruntime.so", e.getMessage());
    }

    @Test
    void summarisesTheLastStderrLinesWhenTheChildDies() {
        String stderr =
                "SLF4J(W): No SLF4J providers were found.\n"
                        + "java.lang.IllegalStateException: boom\n"
                        + "\tat some.Frame.method(Frame.java:1)\n"
                        + "Terminating due to java.lang.OutOfMemoryError: Java heap space\n";

        ModelLoadException e =
                assertThrows(
                        ModelLoadException.class,
                        () -> ProbeOutput.interpret("OnnxRuntime", 3, "", stderr));

        assertEquals(
                "The model could not be checked: the loader stopped with exit code 3"
                        + " (SLF4J(W): No SLF4J providers were found. / java.lang.IllegalStateException:"
                        + " boom / Terminating due to java.lang.OutOfMemoryError: Java heap space).",
                e.getMessage());
    }

    @Test
    void failsWhenTheChildPrintsNoResult() {
        ModelLoadException e =
                assertThrows(
                        ModelLoadException.class,
                        () -> ProbeOutput.interpret("OnnxRuntime", 0, "{\"ok\":tru", ""));

        assertEquals("The model could not be checked: the loader gave no result.", e.getMessage());
    }
}
