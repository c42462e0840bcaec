package de.kihub.services.inspection;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs in a child JVM started by {@link ModelLoadCheck}: loads one model file with DJL and prints
 * exactly one line of JSON describing the result to stdout; everything else goes to stderr.
 *
 * <p>The parent copies this single class file out of the deployment, so it must stay one top-level
 * class without nested, inner or anonymous classes and use only JDK, DJL and ONNX Runtime types.
 */
public final class ModelProbe {
    static final String ONNX_RUNTIME = "OnnxRuntime";
    static final String PYTORCH = "PyTorch";

    private ModelProbe() {}

    public static void main(String[] args) {
        PrintStream result =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Libraries that print to System.out must not corrupt the single result line.
        System.setOut(System.err);
        String line;
        if (args.length != 2 || !(ONNX_RUNTIME.equals(args[0]) || PYTORCH.equals(args[0]))) {
            line = failure("Usage: ModelProbe (OnnxRuntime|PyTorch) <model file>", true);
        } else {
            line = probe(args[0], Path.of(args[1]));
        }
        result.println(line);
        result.flush();
        // Native engines may keep threads alive, and the answer is already out.
        System.exit(0);
    }

    static String probe(String engine, Path modelFile) {
        Path staged = null;
        Criteria<NDList, NDList> criteria;
        try {
            staged = stage(modelFile, engine);
            // Nothing so far depends on the model's content, so a failure here is the server's.
            Engine.getEngine(engine);
            criteria =
                    Criteria.builder()
                            .setTypes(NDList.class, NDList.class)
                            .optEngine(engine)
                            .optModelPath(staged)
                            // the check needs the model parsed and validated, not optimised
                            .optOption("optLevel", "NO_OPT")
                            .optOption("interOpNumThreads", "1")
                            .optOption("intraOpNumThreads", "1")
                            .build();
        } catch (Exception | LinkageError e) {
            e.printStackTrace();
            unstage(staged);
            return failure(problem(e, modelFile, staged), true);
        }
        try {
            try (ZooModel<NDList, NDList> model = criteria.loadModel()) {
                System.err.println("Loaded " + model.getName() + " with " + engine);
            }
            // TorchScript files carry no signature, so only ONNX models get described.
            return ONNX_RUNTIME.equals(engine)
                    ? success(engine, describeOnnx(staged))
                    : success(engine, new String[] {"[]", "[]"});
        } catch (Exception | LinkageError e) {
            e.printStackTrace();
            return failure(problem(e, modelFile, staged), false);
        } finally {
            unstage(staged);
        }
    }

    /**
     * Links the file into an empty directory under the engine's expected name, so that the engine
     * finds it and relative external-data references in the model resolve to nothing.
     */
    private static Path stage(Path modelFile, String engine) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            throw new IOException("The model file does not exist: " + modelFile);
        }
        Path dir = Files.createTempDirectory("model-");
        Path staged = dir.resolve(ONNX_RUNTIME.equals(engine) ? "model.onnx" : "model.pt");
        try {
            Files.createSymbolicLink(staged, modelFile.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(modelFile, staged);
        }
        return staged;
    }

    private static void unstage(Path staged) {
        if (staged == null) {
            return;
        }
        try {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(staged.getParent());
        } catch (IOException e) {
            System.err.println("Could not remove " + staged + ": " + e);
        }
    }

    /** Returns the inputs and outputs as two JSON arrays; DJL's own description lacks types. */
    private static String[] describeOnnx(Path modelFile) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            return describe(env, modelFile, options);
        }
    }

    private static String[] describe(
            OrtEnvironment env, Path modelFile, OrtSession.SessionOptions options)
            throws OrtException {
        try (OrtSession session = env.createSession(modelFile.toString(), options)) {
            return new String[] {tensors(session.getInputInfo()), tensors(session.getOutputInfo())};
        }
    }

    private static String tensors(Map<String, NodeInfo> nodes) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (NodeInfo node : nodes.values()) {
            ValueInfo info = node.getInfo();
            String dataType;
            StringJoiner shape = new StringJoiner(",", "[", "]");
            if (info instanceof TensorInfo tensor) {
                dataType = dataType(tensor.onnxType.name());
                for (long dim : tensor.getShape()) {
                    shape.add(Long.toString(dim < 0 ? -1 : dim));
                }
            } else if (info instanceof SequenceInfo) {
                dataType = "sequence";
            } else if (info instanceof MapInfo) {
                dataType = "map";
            } else {
                dataType = "unknown";
            }
            array.add(
                    "{\"name\":"
                            + json(node.getName())
                            + ",\"dataType\":"
                            + json(dataType)
                            + ",\"shape\":"
                            + shape
                            + "}");
        }
        return array.toString();
    }

    /**
     * Maps ONNX element type names to DJL's ({@code ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT} →
     * float32).
     */
    static String dataType(String onnxTypeName) {
        String prefix = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";
        String name =
                onnxTypeName.startsWith(prefix)
                        ? onnxTypeName.substring(prefix.length())
                        : onnxTypeName;
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float" -> "float32";
            case "double" -> "float64";
            case "bool" -> "boolean";
            case "undefined" -> "unknown";
            default -> name.toLowerCase(Locale.ROOT);
        };
    }

    /** The first line of the innermost message, which is where engines put the actual reason. */
    static String problem(Throwable error, Path modelFile, Path staged) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = error.getClass().getSimpleName();
        }
        String firstLine = message.strip().lines().findFirst().orElse(message);
        // Server paths mean nothing to the uploader.
        if (staged != null) {
            firstLine = firstLine.replace(staged.toString(), staged.getFileName().toString());
        }
        return firstLine.replace(modelFile.toString(), String.valueOf(modelFile.getFileName()));
    }

    static String success(String engine, String[] inputsAndOutputs) {
        return "{\"ok\":true,\"engine\":"
                + json(engine)
                + ",\"inputs\":"
                + inputsAndOutputs[0]
                + ",\"outputs\":"
                + inputsAndOutputs[1]
                + "}";
    }

    /** {@code serverFault} marks problems of the check's setup rather than of the model. */
    static String failure(String problem, boolean serverFault) {
        return "{\"ok\":false,\"serverFault\":"
                + serverFault
                + ",\"problem\":"
                + json(problem)
                + "}";
    }

    /** A JSON string literal in pure ASCII, so the line survives any console encoding. */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
