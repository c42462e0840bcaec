package de.kihub.services.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ModelProbeTest {

    @Test
    void compilesToASingleClassFileThatCanBeCopiedOnItsOwn()
            throws IOException, URISyntaxException {
        Path classes =
                Path.of(
                        ModelProbe.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        Path pkg = classes.resolve("de/kihub/services/inspection");

        try (Stream<Path> files = Files.list(pkg)) {
            List<String> probeFiles =
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.startsWith("ModelProbe"))
                            .toList();
            assertEquals(List.of("ModelProbe.class"), probeFiles);
        }
    }

    @Test
    void writesJsonStringsInPureAscii() {
        assertEquals("\"a\\\"b\\\\c\\u000a\\u00e4\"", ModelProbe.json("a\"b\\c\nä"));
    }

    @Test
    void reportsFailuresAsOneLineOfJson() {
        assertEquals(
                "{\"ok\":false,\"serverFault\":false,\"problem\":\"broken\"}",
                ModelProbe.failure("broken", false));
    }

    @Test
    void namesOnnxElementTypesLikeDjl() {
        assertEquals("float32", ModelProbe.dataType("ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT"));
        assertEquals("float64", ModelProbe.dataType("ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE"));
        assertEquals("int64", ModelProbe.dataType("ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64"));
        assertEquals("boolean", ModelProbe.dataType("ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL"));
    }

    @Test
    void explainsAFailureWithTheFirstLineOfTheInnermostMessageWithoutServerPaths() {
        Path file = Path.of("/srv/kihub/artifacts/42/upload.bin");
        Exception error =
                new IllegalStateException(
                        "ONNX Model cannot be loaded",
                        new IOException("Load model from " + file + " failed\n  at native code"));

        assertEquals(
                "Load model from upload.bin failed",
                ModelProbe.problem(error, file, Path.of("/tmp/model-1/model.onnx")));
    }
}
