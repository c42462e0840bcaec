package de.kihub.registry.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactInspectorTest {
    private static final ArchiveLimits SMALL = new ArchiveLimits(5, 1 << 20, 1 << 19, 200);

    @TempDir Path dir;

    private final ArtifactInspector inspector = new ArtifactInspector(ArchiveLimits.defaults());

    @Test
    void recognisesOnnxFromContentWhateverTheFileIsCalled() throws IOException {
        Path file = Files.write(dir.resolve("weights.zip"), TestOnnx.identityModel());

        assertEquals(ArtifactFormat.ONNX, inspector.inspect(file));
    }

    @Test
    void rejectsRandomBytes() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("model.onnx"), noise);

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The file is neither ONNX, TorchScript nor a DJL model archive"),
                e.getMessage());
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("model.onnx"), new byte[0]);

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rejectsOnnxModelTruncatedByTenBytes() throws IOException {
        byte[] model = TestOnnx.identityModel();
        Path file = Files.write(dir.resolve("model.onnx"), Arrays.copyOf(model, model.length - 10));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsProtobufMessageWithoutGraph() throws IOException {
        Path file = Files.write(dir.resolve("model.onnx"), TestOnnx.modelWithoutGraph());

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("has no graph"), e.getMessage());
    }

    @Test
    void rejectsOnnxModelWhoseLastFixedWidthFieldIsCutShort() throws IOException {
        byte[] model = TestOnnx.identityModel();
        byte[] cut = Arrays.copyOf(model, model.length + 3);
        cut[model.length] = (9 << 3) | 5; // field 9, fixed32: four bytes expected, two follow
        Path file = Files.write(dir.resolve("model.onnx"), cut);

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsOnnxModelWhoseGraphHasNeitherNodesNorOutputs() throws IOException {
        Path file = Files.write(dir.resolve("model.onnx"), TestOnnx.modelWithIdleGraph());

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("neither nodes nor outputs"), e.getMessage());
    }

    @Test
    void recognisesARealTorchScriptFileSavedByPyTorch() throws IOException {
        Path file = Files.write(dir.resolve("upload.bin"), TestTorchScript.addOne());

        assertEquals(ArtifactFormat.TORCHSCRIPT, inspector.inspect(file));
    }

    @Test
    void recognisesTorchScriptArchiveAndAllowsItsOwnPickles() throws IOException {
        Path file = torchScript().writeTo(dir.resolve("model.bin"));

        assertEquals(ArtifactFormat.TORCHSCRIPT, inspector.inspect(file));
    }

    @Test
    void recognisesTorchScriptWrittenWithZip64Records() throws IOException {
        Path file = torchScript().zip64().writeTo(dir.resolve("model.bin"));

        assertEquals(ArtifactFormat.TORCHSCRIPT, inspector.inspect(file));
    }

    @Test
    void recognisesDjlArchiveWithOnnxModelInside() throws IOException {
        Path file =
                new TestZip()
                        .file("resnet/model.onnx", TestOnnx.identityModel())
                        .file("resnet/serving.properties", "engine=OnnxRuntime\n")
                        .file("resnet/synset.txt", "cat\ndog\n")
                        .writeTo(dir.resolve("upload"));

        assertEquals(ArtifactFormat.DJL_ARCHIVE, inspector.inspect(file));
    }

    @Test
    void recognisesDjlArchiveWithTorchScriptModelInside() throws IOException {
        Path file =
                new TestZip()
                        .file("traced/traced.pt", torchScript().zip64().toBytes())
                        .file("traced/serving.properties", "engine=PyTorch\n")
                        .writeTo(dir.resolve("upload"));

        assertEquals(ArtifactFormat.DJL_ARCHIVE, inspector.inspect(file));
    }

    @Test
    void recognisesDjlArchiveWithTorchScriptLargerThanTheTailKeptOfIt() throws IOException {
        byte[] large = torchScript().file("model/data/1", new byte[5 * 1024 * 1024]).toBytes();
        Path file = new TestZip().file("model.pt", large).writeTo(dir.resolve("upload"));

        assertEquals(ArtifactFormat.DJL_ARCHIVE, inspector.inspect(file));
    }

    @Test
    void rejectsDjlArchiveWhoseOnnxModelIsTruncated() throws IOException {
        byte[] model = TestOnnx.identityModel();
        Path file =
                new TestZip()
                        .file("model/model.onnx", Arrays.copyOf(model, model.length - 10))
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The archive has a model file 'model/model.onnx' that is not"
                                        + " valid ONNX"),
                e.getMessage());
    }

    @Test
    void rejectsDjlArchiveWhosePtFileIsNotTorchScript() throws IOException {
        Path file =
                new TestZip()
                        .file("model/model.pt", "certainly not a zip")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("'model/model.pt'"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid TorchScript"), e.getMessage());
    }

    @Test
    void rejectsDjlArchiveWhoseNestedTorchScriptHidesAnEscapingEntry() throws IOException {
        byte[] nested = torchScript().file("../../evil.sh", "rm -rf /").toBytes();
        Path file = new TestZip().file("model/model.pt", nested).writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("'../../evil.sh'"), e.getMessage());
    }

    @Test
    void rejectsZipWhoseEntryEscapesTheTargetFolder() throws IOException {
        Path file =
                new TestZip()
                        .file("model.onnx", TestOnnx.identityModel())
                        .file("../evil.txt", "owned")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertEquals(
                "The archive has an entry '../evil.txt' with a '..' path segment that would"
                        + " escape the target folder.",
                e.getMessage());
    }

    @Test
    void rejectsZipWithAbsoluteEntry() throws IOException {
        Path file =
                new TestZip()
                        .file("model.onnx", TestOnnx.identityModel())
                        .file("/etc/passwd", "root::0:0::/root:/bin/sh")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("'/etc/passwd' with an absolute path"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "models/../../evil.txt",
                "..",
                "models\\..\\evil.txt",
                "C:/Windows/evil.txt",
                "c:evil.txt",
                "evil\0.txt"
            })
    void rejectsUnsafeEntryNames(String name) throws IOException {
        Path file =
                new TestZip()
                        .file("model.onnx", TestOnnx.identityModel())
                        .file(name, "evil")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().startsWith("The archive has an entry '"), e.getMessage());
    }

    @Test
    void rejectsSymbolicLinkEntry() throws IOException {
        Path file =
                new TestZip()
                        .file("model/model.onnx", TestOnnx.identityModel())
                        .symlink("model/synset.txt", "/etc/shadow")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(
                e.getMessage().contains("'model/synset.txt' that is a symbolic link"),
                e.getMessage());
    }

    @Test
    void rejectsSymbolicLinkInsideTorchScript() throws IOException {
        Path file = torchScript().symlink("model/data/1", "/etc/shadow").writeTo(dir.resolve("t"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void rejectsEntryWhoseLocalHeaderDisagreesWithTheDirectory() throws IOException {
        Path file =
                new TestZip()
                        .file("model.onnx", TestOnnx.identityModel())
                        .disguised("notes.txt", "../../evil.txt", "owned")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("'notes.txt'"), e.getMessage());
    }

    @Test
    void rejectsArchiveWithTooManyEntries() throws IOException {
        TestZip zip = new TestZip().file("model.onnx", TestOnnx.identityModel());
        for (int i = 1; i <= 5; i++) {
            zip.file("labels-" + i + ".txt", "label " + i);
        }
        Path file = zip.writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(
                        InvalidArtifactException.class,
                        () -> new ArtifactInspector(SMALL).inspect(file));
        assertEquals("The archive has 6 entries, more than the 5 allowed.", e.getMessage());
    }

    @Test
    void rejectsDjlArchiveWithPickleFile() throws IOException {
        Path file =
                new TestZip()
                        .file("model/model.onnx", TestOnnx.identityModel())
                        .file("model/model.pkl", "cos\nsystem\n(S'id'\ntR.")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(
                e.getMessage().contains("'model/model.pkl' holding a pickled Python object"),
                e.getMessage());
    }

    @Test
    void rejectsDjlArchiveWithEntryThatStartsWithPickleHeader() throws IOException {
        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x00, 0x00, 0x00, 0x00, 0x2e};
        Path file =
                new TestZip()
                        .file("model/model.onnx", TestOnnx.identityModel())
                        .file("model/weights.bin", pickle)
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(
                e.getMessage().contains("'model/weights.bin' holding a pickled Python object"),
                e.getMessage());
    }

    @Test
    void rejectsZipWithoutModelFile() throws IOException {
        Path file =
                new TestZip()
                        .file("docs/README.md", "# nothing here")
                        .writeTo(dir.resolve("upload"));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertEquals(
                "The archive contains no model file (.onnx or TorchScript .pt).", e.getMessage());
    }

    @Test
    void rejectsZipWhoseEndRecordIsMissing() throws IOException {
        byte[] zip = new TestZip().file("model.onnx", TestOnnx.identityModel()).toBytes();
        Path file = Files.write(dir.resolve("upload"), Arrays.copyOf(zip, zip.length - 30));

        InvalidArtifactException e =
                assertThrows(InvalidArtifactException.class, () -> inspector.inspect(file));
        assertTrue(e.getMessage().contains("end of central directory"), e.getMessage());
    }

    private static TestZip torchScript() {
        byte[] restrictedPickle = {(byte) 0x80, 0x02, ']', 'q', 0x00, '.'};
        return new TestZip()
                .file("model/data.pkl", restrictedPickle)
                .file("model/code/__torch__.py", "class Model(Module):\n  pass\n")
                .file("model/constants.pkl", restrictedPickle)
                .file("model/data/0", new byte[48])
                .file("model/version", "3\n");
    }
}
