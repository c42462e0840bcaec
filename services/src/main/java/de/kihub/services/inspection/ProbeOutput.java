package de.kihub.services.inspection;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/** Turns what the {@link ModelProbe} child printed into a report or an uploader-facing error. */
final class ProbeOutput {
    private static final int SUMMARY_LINES = 3;
    private static final int SUMMARY_CHARS = 500;

    private ProbeOutput() {}

    static ModelLoadReport interpret(String engine, int exitCode, String stdout, String stderr) {
        Optional<JsonObject> result = exitCode == 0 ? resultLine(stdout) : Optional.empty();
        if (result.isEmpty()) {
            String how = exitCode == 0 ? "gave no result" : "stopped with exit code " + exitCode;
            throw new ModelLoadException(
                    "The model could not be checked: the loader " + how + summary(stderr) + ".");
        }
        JsonObject json = result.get();
        if (!json.getBoolean("ok", false) && json.getBoolean("serverFault", false)) {
            throw new IllegalStateException(
                    "The model load check cannot run: " + json.getString("problem", ""));
        }
        if (!json.getBoolean("ok", false)) {
            throw new ModelLoadException(
                    failurePrefix(engine) + json.getString("problem", "unknown problem"));
        }
        return new ModelLoadReport(
                json.getString("engine"),
                tensors(json.getJsonArray("inputs")),
                tensors(json.getJsonArray("outputs")));
    }

    private static String failurePrefix(String engine) {
        return ModelProbe.PYTORCH.equals(engine)
                ? "The TorchScript model could not be loaded by PyTorch: "
                : "The ONNX model could not be loaded by ONNX Runtime: ";
    }

    /** The probe prints its line last, but native code may have written to stdout before it. */
    private static Optional<JsonObject> resultLine(String stdout) {
        List<String> lines = stdout.lines().map(String::strip).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("{\"ok\":")) {
                try (JsonReader reader = Json.createReader(new StringReader(lines.get(i)))) {
                    return Optional.of(reader.readObject());
                } catch (JsonException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<TensorSpec> tensors(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream()
                .map(
                        t ->
                                new TensorSpec(
                                        t.getString("name"),
                                        t.getString("dataType"),
                                        t
                                                .getJsonArray("shape")
                                                .getValuesAs(JsonNumber.class)
                                                .stream()
                                                .map(JsonNumber::longValue)
                                                .toList()))
                .toList();
    }

    /** The last meaningful stderr lines, without stack frames, for a message a person can read. */
    static String summary(String stderr) {
        List<String> lines =
                stderr.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("at ") && !l.startsWith("..."))
                        .toList();
        if (lines.isEmpty()) {
            return "";
        }
        String text =
                String.join(
                        " / ",
                        lines.subList(Math.max(0, lines.size() - SUMMARY_LINES), lines.size()));
        if (text.length() > SUMMARY_CHARS) {
            text = "…" + text.substring(text.length() - SUMMARY_CHARS);
        }
        return " (" + text + ")";
    }
}
